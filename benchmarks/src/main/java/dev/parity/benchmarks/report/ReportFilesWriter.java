package dev.parity.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.judgments.JudgmentsCsv;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes {@link ReportData} as the files a user gives {@code parity report}: a suite folder
 * ({@code suite/suite.json}, and per task its {@code task.json} and a one-line Markdown baseline)
 * and {@code judgments.csv} (version 2, with sides and orders). Used by
 * {@code benchmarks/report-benchmark.sh}.
 *
 * <p>Usage: {@code ReportFilesWriter OUT OCCUPATIONS TASKS_PER_OCCUPATION MODELS HUMANS_PER_ITEM}
 * (a judge's judgment is added to each item's humans'; the seed is fixed).
 */
public final class ReportFilesWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFilesWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: ReportFilesWriter OUT OCCUPATIONS TASKS_PER_OCCUPATION MODELS HUMANS_PER_ITEM");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    ReportData.Shape shape = new ReportData.Shape(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
        Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    ReportData data = ReportData.of(shape, new SplittableRandom(2026));
    writeSuite(data, out.resolve("suite"));
    try (Writer csv = Files.newBufferedWriter(out.resolve("judgments.csv"), StandardCharsets.UTF_8)) {
      JudgmentsCsv.write(data.judgments(), csv);
    }
    System.out.printf("%,d tasks, %d models, %,d judgments in %s%n", shape.tasks(), shape.models(),
        data.judgments().size(), out);
  }

  private static void writeSuite(ReportData data, Path root) throws IOException {
    Files.createDirectories(root.resolve("tasks"));
    ObjectNode suite = JSON.createObjectNode().put("name", data.suite().name()).put("version", data.suite().version())
        .put("format_version", 1);
    Files.writeString(root.resolve("suite.json"), suite.toString());
    for (Task task : data.suite().tasks()) {
      Path folder = Files.createDirectories(root.resolve("tasks").resolve(task.id()));
      String baseline = task.baseline().files().get(0);
      Files.createDirectories(folder.resolve(baseline).getParent());
      Files.writeString(folder.resolve(baseline), "# " + task.title() + "\n\nThe professional's deliverable.\n");
      Files.writeString(folder.resolve("task.json"), taskJson(task).toString());
    }
  }

  private static ObjectNode taskJson(Task task) {
    ObjectNode json = JSON.createObjectNode().put("id", task.id()).put("title", task.title());
    json.putObject("occupation").put("title", task.occupation().title()).put("soc", task.occupation().soc());
    json.put("sector", task.sector());
    json.putObject("request").put("from", task.request().from()).put("text", task.request().text());
    var formats = json.putObject("deliverable").putArray("formats");
    task.deliverable().formats().stream().map(FileFormat::id).forEach(formats::add);
    json.putObject("baseline").put("minutes", task.baseline().minutes().value())
        .put("hourly_wage_usd", task.baseline().hourlyWageUsd().value())
        .putArray("files").add(task.baseline().files().get(0));
    json.putArray("rubric").addObject().put("id", "deliverable").put("criterion", "It is the requested deliverable.")
        .put("points", 1);
    return json;
  }
}
