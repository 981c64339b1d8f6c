package dev.parity.tasks.gdpval;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.tasks.DeliverableSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the suite folder of an import: {@code suite.json} and one task folder per row, with the
 * files found under the asset root copied in. The output depends only on the input: keys in a
 * fixed order, {@code \n} line ends, no dates, so the same input gives byte-identical files.
 */
final class SuiteWriter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = new ObjectMapper().writer(
      new DefaultPrettyPrinter().withoutSpacesInObjectEntries().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
  static final String DATASET = "openai/gdpval";
  static final String DATASET_PAGE = "https://huggingface.co/datasets/openai/gdpval";

  private final GdpvalImport.Settings settings;
  private final DatasetUrls urls;
  private final String revision;
  private int referencesCopied;
  private int baselineFilesCopied;
  private final List<String> missing = new ArrayList<>();
  private int unsupported;

  SuiteWriter(GdpvalImport.Settings settings) {
    this.settings = settings;
    this.urls = new DatasetUrls(settings.mirror(), settings.revision());
    this.revision = settings.revision() == null ? DatasetUrls.UNPINNED + " (unpinned)" : settings.revision();
  }

  GdpvalImport.Result write(DatasetFile dataset, Path folder) throws IOException {
    Files.createDirectories(folder.resolve("tasks"));
    write(folder.resolve("suite.json"), manifest(dataset));
    for (GdpvalRow row : dataset.rows()) {
      Path taskFolder = folder.resolve("tasks").resolve(row.taskId());
      Files.createDirectories(taskFolder);
      write(taskFolder.resolve("task.json"), task(row, taskFolder));
    }
    return new GdpvalImport.Result(settings.out(), dataset.schema(), dataset.rowCount(), dataset.rows().size(),
        dataset.problems(), referencesCopied, unsupported, List.copyOf(missing), baselineFilesCopied);
  }

  private ObjectNode manifest(DatasetFile dataset) {
    ObjectNode suite = JSON.objectNode();
    suite.put("name", settings.name());
    suite.put("version", settings.revision() == null ? "unpinned" : settings.revision());
    suite.put("description", "GDPval gold subset (" + DATASET + ", " + dataset.schema().name().toLowerCase(java.util.Locale.ROOT)
        + " schema): " + dataset.rows().size() + " tasks imported from " + dataset.name());
    if (settings.license() != null) {
      suite.put("license", settings.license());
    }
    suite.put("format_version", 1);
    ObjectNode provenance = suite.putObject("provenance");
    provenance.put("dataset", DATASET);
    provenance.put("revision", revision);
    provenance.put("source_file", dataset.name());
    provenance.put("source_sha256", dataset.sha256());
    provenance.put("importer", "parity import gdpval");
    return suite;
  }

  private ObjectNode task(GdpvalRow row, Path taskFolder) throws IOException {
    ObjectNode task = JSON.objectNode();
    task.put("id", row.taskId());
    task.put("title", TaskTitles.of(row.prompt(), row.taskId()));
    ObjectNode occupation = task.putObject("occupation");
    occupation.put("title", row.occupation().title());
    occupation.put("soc", row.occupation().soc());
    task.put("sector", row.sector());
    task.putObject("request").put("text", row.prompt());
    ArrayNode references = task.putArray("references");
    ArrayNode notShown = JSON.arrayNode();
    Set<String> used = new HashSet<>();
    for (String path : row.referenceFiles()) {
      String local = localPath("references", path, used);
      boolean supported = FileFormat.ofFileName(path).isPresent();
      boolean copied = copy(path, taskFolder.resolve(local));
      if (supported && copied) {
        references.add(local);
        referencesCopied++;
      } else {
        ObjectNode entry = notShown.addObject();
        entry.put("file", local);
        entry.put("reason", supported ? "missing" : "unsupported_format");
        if (!copied) {
          entry.put("url", urls.of(path).toString());
          missing.add(row.taskId() + ": " + path);
        }
        unsupported += supported ? 0 : 1;
      }
    }
    if (!notShown.isEmpty()) {
      task.set("references_not_shown", notShown);
    }
    List<String> baselineFiles = new ArrayList<>();
    List<String> baselineMissing = new ArrayList<>();
    Set<String> usedBaseline = new HashSet<>();
    for (String path : row.deliverableFiles()) {
      String local = localPath("baseline", path, usedBaseline);
      if (FileFormat.ofFileName(path).isPresent() && copy(path, taskFolder.resolve(local))) {
        baselineFiles.add(local);
        baselineFilesCopied++;
      } else if (FileFormat.ofFileName(path).isPresent()) {
        baselineMissing.add(urls.of(path).toString());
        missing.add(row.taskId() + ": " + path);
      }
    }
    task.set("deliverable", deliverable(RequestedFormats.of(row.prompt(), row.deliverableFiles())));
    ObjectNode baseline = task.putObject("baseline");
    ArrayNode files = baseline.putArray("files");
    baselineFiles.forEach(files::add);
    baseline.putObject("minutes").put("source", "unknown");
    baseline.putObject("hourly_wage_usd").put("source", "unknown");
    ArrayNode rubric = task.putArray("rubric");
    for (GdpvalRow.RubricItem item : row.rubric()) {
      ObjectNode criterion = rubric.addObject();
      criterion.put("id", item.id());
      criterion.put("criterion", item.criterion());
      criterion.put("points", item.score());
      if (item.required()) {
        criterion.put("required", true);
      }
      if (!item.tags().isEmpty()) {
        ArrayNode tags = criterion.putArray("tags");
        item.tags().forEach(tags::add);
      }
    }
    ObjectNode provenance = task.putObject("provenance");
    provenance.put("origin", "adapted");
    provenance.put("contributor", "OpenAI GDPval");
    if (settings.license() != null) {
      provenance.put("license", settings.license());
    }
    provenance.put("source", DATASET_PAGE);
    if (!baselineMissing.isEmpty()) {
      provenance.put("notes", "The professional's files not in the suite (missing from the asset root): "
          + String.join(" ", baselineMissing));
    }
    ObjectNode dataset = provenance.putObject("dataset");
    dataset.put("name", DATASET);
    dataset.put("revision", revision);
    dataset.put("row", row.row());
    task.putArray("tags").add("gdpval");
    return task;
  }

  private static ObjectNode deliverable(DeliverableSpec spec) {
    ObjectNode deliverable = JSON.objectNode();
    ArrayNode formats = deliverable.putArray("formats");
    spec.formats().forEach(f -> formats.add(f.id()));
    deliverable.put("formats_from", switch (spec.formatsFrom()) {
      case STATED -> "stated";
      case BASELINE_FILES -> "baseline_files";
      case INFERRED_FROM_REQUEST -> "inferred_from_request";
      case DEFAULTED -> "defaulted";
    });
    if (spec.unsupported() != null) {
      deliverable.put("unsupported", spec.unsupported());
    }
    return deliverable;
  }

  /**
   * Where a dataset file goes in the task folder: {@code <kind>/<name>}, or
   * {@code <kind>/<hash>/<name>} when another file of the task already took that name.
   */
  private static String localPath(String kind, String datasetPath, Set<String> used) {
    String[] segments = datasetPath.split("/");
    String name = segments[segments.length - 1];
    String local = kind + "/" + name;
    if (!used.add(local) && segments.length >= 3) {
      local = kind + "/" + segments[segments.length - 2] + "/" + name;
      used.add(local);
    }
    return local;
  }

  /** Copies the dataset file from the asset root; false when there is no asset root or no such file. */
  private boolean copy(String datasetPath, Path target) throws IOException {
    if (settings.assetRoot() == null) {
      return false;
    }
    Path source = settings.assetRoot().resolve(datasetPath).normalize();
    if (!source.startsWith(settings.assetRoot().normalize()) || !Files.isRegularFile(source)) {
      return false;
    }
    Files.createDirectories(target.getParent());
    Files.copy(source, target);
    return true;
  }

  private static void write(Path file, ObjectNode json) {
    try {
      Files.writeString(file, WRITER.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
