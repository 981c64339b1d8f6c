package dev.parity.graders.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Checks on data deliverables: a CSV with given columns, a JSON document with given keys. */
final class DataChecks {
  private DataChecks() {}

  /** A CSV file parses and its header has the given columns (case-insensitive, any order). */
  record CsvColumns(List<String> columns) implements Check {
    CsvColumns {
      columns = List.copyOf(columns);
    }

    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      List<DeliverableContent.File> files = deliverable.filesOf(FileFormat.CSV);
      if (files.isEmpty()) {
        return CheckResult.notMet("no csv file delivered");
      }
      DeliverableContent.File file = files.get(0);
      List<String> header = new ArrayList<>();
      try (var rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .readerFor(String[].class).<String[]>readValues(deliverable.bytes(file))) {
        if (!rows.hasNext()) {
          return CheckResult.notMet(file.name() + " is empty");
        }
        for (String column : rows.next()) {
          header.add(column.strip().toLowerCase(Locale.ROOT));
        }
        while (rows.hasNext()) {
          rows.next();
        }
      } catch (IOException | RuntimeException e) {
        return CheckResult.notMet(file.name() + " does not parse as CSV: " + e.getMessage());
      }
      List<String> missing = columns.stream().filter(c -> !header.contains(c.strip().toLowerCase(Locale.ROOT))).toList();
      return missing.isEmpty()
          ? CheckResult.met(file.name() + " has columns " + columns)
          : CheckResult.notMet(file.name() + " lacks columns " + missing + " (header: " + header + ")");
    }
  }

  /** A JSON file parses and has the given keys; {@code a.b} names a key inside an object. */
  record JsonKeys(List<String> keys) implements Check {
    JsonKeys {
      keys = List.copyOf(keys);
    }

    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      List<DeliverableContent.File> files = deliverable.filesOf(FileFormat.JSON);
      if (files.isEmpty()) {
        return CheckResult.notMet("no json file delivered");
      }
      DeliverableContent.File file = files.get(0);
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(deliverable.bytes(file));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return CheckResult.notMet(file.name() + " does not parse as JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        return CheckResult.notMet("cannot read " + file.name() + ": " + e.getMessage());
      }
      List<String> missing = new ArrayList<>();
      for (String key : keys) {
        if (!has(root, key.split("\\."))) {
          missing.add(key);
        }
      }
      return missing.isEmpty()
          ? CheckResult.met(file.name() + " has keys " + keys)
          : CheckResult.notMet(file.name() + " lacks keys " + missing);
    }

    /** Whether the path exists in the object, or in every element when the node is an array. */
    private static boolean has(JsonNode node, String[] path) {
      JsonNode current = node;
      for (String part : path) {
        if (current.isArray()) {
          if (current.isEmpty()) {
            return false;
          }
          for (Iterator<JsonNode> it = current.elements(); it.hasNext(); ) {
            if (!it.next().has(part)) {
              return false;
            }
          }
          current = current.get(0).get(part);
        } else if (current.has(part)) {
          current = current.get(part);
        } else {
          return false;
        }
      }
      return true;
    }
  }
}
