package dev.parity.samplegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Provenance;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes a {@link Task} as {@code task.json}: the fields in the order the suite format
 * documents them, optional fields only when set, snake_case keys, two-space indentation and a
 * final newline, so that the files read well and diff cleanly.
 */
final class TaskJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private TaskJson() {}

  static String write(Task task) {
    return pretty(toJson(task));
  }

  /** The suite manifest. */
  static String suite(String name, String version, String description, String license) {
    ObjectNode suite = NODES.objectNode();
    suite.put("name", name);
    suite.put("version", version);
    suite.put("description", description);
    suite.put("license", license);
    suite.put("format_version", 1);
    return pretty(suite);
  }

  static ObjectNode toJson(Task task) {
    ObjectNode json = NODES.objectNode();
    json.put("id", task.id());
    json.put("title", task.title());
    ObjectNode occupation = json.putObject("occupation");
    occupation.put("title", task.occupation().title());
    occupation.put("soc", task.occupation().soc());
    json.put("sector", task.sector());
    ObjectNode request = json.putObject("request");
    if (task.request().from() != null) {
      request.put("from", task.request().from());
    }
    request.put("text", task.request().text());
    ArrayNode references = json.putArray("references");
    for (Reference reference : task.references()) {
      ObjectNode r = references.addObject().put("file", reference.file());
      if (reference.description() != null) {
        r.put("description", reference.description());
      }
    }
    ObjectNode deliverable = json.putObject("deliverable");
    task.deliverable().formats().stream().map(FileFormat::id).forEach(deliverable.putArray("formats")::add);
    if (task.deliverable().description() != null) {
      deliverable.put("description", task.deliverable().description());
    }
    baseline(json.putObject("baseline"), task.baseline());
    ArrayNode rubric = json.putArray("rubric");
    task.rubric().forEach(c -> criterion(rubric.addObject(), c));
    if (task.provenance() != null) {
      provenance(json.putObject("provenance"), task.provenance());
    }
    if (!task.tags().isEmpty()) {
      task.tags().forEach(json.putArray("tags")::add);
    }
    return json;
  }

  private static void baseline(ObjectNode json, Baseline baseline) {
    baseline.files().forEach(json.putArray("files")::add);
    number(json, "minutes", baseline.minutes().value());
    number(json, "hourly_wage_usd", baseline.hourlyWageUsd().value());
    if (baseline.author() != null) {
      json.put("author", baseline.author());
    }
    if (baseline.experienceYears() != null) {
      number(json, "experience_years", baseline.experienceYears());
    }
  }

  private static void criterion(ObjectNode json, Criterion criterion) {
    json.put("id", criterion.id());
    json.put("criterion", criterion.criterion());
    number(json, "points", criterion.points());
    if (criterion.required()) {
      json.put("required", true);
    }
    if (!criterion.tags().isEmpty()) {
      criterion.tags().forEach(json.putArray("tags")::add);
    }
    if (criterion.check() != null) {
      json.set("check", criterion.check());
    }
  }

  private static void provenance(ObjectNode json, Provenance provenance) {
    json.put("origin", provenance.origin().name().toLowerCase(Locale.ROOT));
    putIfSet(json, "contributor", provenance.contributor());
    putIfSet(json, "license", provenance.license());
    if (provenance.attestedNoConfidentialInfo() != null) {
      json.put("attested_no_confidential_info", provenance.attestedNoConfidentialInfo());
    }
    if (provenance.date() != null) {
      json.put("date", provenance.date().toString());
    }
    putIfSet(json, "source", provenance.source());
    putIfSet(json, "notes", provenance.notes());
    putIfSet(json, "consent", provenance.consent());
    if (provenance.rightsBasis() != null) {
      json.put("rights_basis", provenance.rightsBasis().name().toLowerCase(Locale.ROOT));
    }
  }

  private static void putIfSet(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  /** Whole numbers without a fraction ({@code 45}, not {@code 45.0}). */
  private static void number(ObjectNode json, String field, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      json.put(field, (long) value);
    } else {
      json.put(field, value);
    }
  }

  private static String pretty(ObjectNode json) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Every file the task names: its references, then its baseline files. */
  static List<String> files(Task task) {
    return Stream.concat(task.references().stream().map(Reference::file), task.baseline().files().stream()).toList();
  }
}
