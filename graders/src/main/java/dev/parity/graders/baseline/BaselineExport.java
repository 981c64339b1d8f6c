package dev.parity.graders.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.ParityException;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.harness.run.HumanAttempts.Assigned;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.HumanWork;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a new version of a campaign's suite in which the chosen submissions (one per task, picked
 * by an administrator) are the tasks' baselines, with their measured minutes and the
 * professional's wage. The suite the campaign's run used is never edited: the new version is a
 * copy in another folder. Stateless.
 */
public final class BaselineExport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Database db;

  /** Exports from the campaigns and runs in {@code database}. */
  public BaselineExport(Database database) {
    this.db = Objects.requireNonNull(database, "database");
  }

  /**
   * What was written.
   *
   * @param folder the new suite's folder
   * @param version the new suite's version
   * @param baselines per task id given a new baseline, the professional whose work it is
   */
  public record Exported(Path folder, String version, Map<String, String> baselines) {
    public Exported {
      baselines = Map.copyOf(baselines);
    }
  }

  /**
   * Writes {@code suite} (the campaign's, unchanged since) to {@code to} as version {@code version},
   * with the campaign's chosen submissions as baselines.
   *
   * @throws InvalidCampaignException when nothing is chosen, {@code to} is not empty, or the
   *     suite is not the one the campaign's run used; nothing is written then
   */
  public Exported export(BaselineCampaigns.Campaign campaign, Suite suite, Path to, String version) {
    Store store = new Store(db);
    Run run = store.findRun(campaign.runId()).orElseThrow(() -> new ParityException("campaign " + campaign.name()
        + " has no run " + campaign.runId()));
    List<String> problems = new ArrayList<>();
    if (!run.suiteHash().equals(suite.contentHash())) {
      problems.add("the suite at " + suite.root() + " changed since the campaign (hash " + suite.contentHash()
          + ", the run's " + run.suiteHash() + ")");
    }
    if (Files.exists(to) && !isEmptyFolder(to)) {
      problems.add(to + " is not an empty folder: the new version is written to a folder of its own");
    }
    List<Assigned> chosen = db.read("read chosen work of " + campaign.name(), h -> h.list("SELECT person_id, task_id"
        + " FROM grading_work WHERE campaign_id = ? AND chosen = ? AND status = ? ORDER BY task_id",
        r -> new Assigned(r.text(1), r.text(2)), campaign.id(), true, WorkStatus.SUBMITTED.id()));
    if (chosen.isEmpty()) {
      problems.add("no submission is chosen to become a baseline: choose one per task (--choose TASK=PERSON, or"
          + " on the admin page)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("export of " + campaign.name(), problems);
    }
    copy(suite.root(), to);
    Map<AttemptKey, HumanWork> work = store.humanWork(run.id());
    Map<String, String> baselines = new TreeMap<>();
    for (Assigned pick : chosen) {
      Task task = suite.task(pick.taskId()).orElseThrow(() -> new ParityException("task " + pick.taskId()
          + " of campaign " + campaign.name() + " is not in the suite at " + suite.root()));
      AttemptKey key = pick.key(run.id());
      rewriteTask(to.resolve(suite.root().relativize(task.folder())), task, store, key, work.get(key), pick.personId());
      baselines.put(pick.taskId(), pick.personId());
    }
    ObjectNode suiteJson = (ObjectNode) read(to.resolve("suite.json"));
    suiteJson.put("version", version);
    write(to.resolve("suite.json"), suiteJson);
    return new Exported(to, version, baselines);
  }

  /** The task's baseline becomes the submission's files, measured minutes and the professional's wage. */
  private static void rewriteTask(Path folder, Task task, Store store, AttemptKey key, HumanWork work, String person) {
    for (String old : task.baseline().files()) {
      delete(folder.resolve(old));
    }
    ArrayNode files = JSON.createArrayNode();
    for (AttemptFile file : store.files(key)) {
      String relative = "baseline/" + file.name();
      write(folder.resolve(relative), store.blobs().get(file.sha256()));
      files.add(relative);
    }
    ObjectNode taskJson = (ObjectNode) read(folder.resolve("task.json"));
    ObjectNode baseline = taskJson.putObject("baseline");
    baseline.set("files", files);
    baseline.putObject("minutes").put("value", Math.round(work.measuredMinutes() * 10) / 10.0)
        .put("source", "measured").put("basis", String.format(Locale.ROOT, "active time on the server in Parity's"
            + " work page (reported, with %.0f minutes stated outside it: %.1f)", work.outsideMinutes(),
            work.reportedMinutes()));
    baseline.putObject("hourly_wage_usd").put("value", work.hourlyWageUsd()).put("source", "reported")
        .put("basis", "the people file of the baseline campaign");
    baseline.put("author", person);
    write(folder.resolve("task.json"), taskJson);
  }

  private static boolean isEmptyFolder(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the suite " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, JsonNode json) {
    try {
      write(file, (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }
}
