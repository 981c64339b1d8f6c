package dev.parity.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.tasks.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of one {@code task.json} that a schema cannot express: the id matches the folder,
 * files exist inside the task folder with a known format and a bounded size, references and
 * baseline files open with the reader a run or a grader uses for their format, rubric ids are
 * unique and points are non-zero with at least one positive.
 *
 * <p>Runs on documents that failed the schema too, skipping what is missing or mistyped, so that
 * one pass reports everything.
 */
public final class TaskChecks {
  /** A Windows drive ({@code C:…}) at the start of a path; compiled once, as every file of every task is checked. */
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");
  /** Either separator, so that {@code ..\x} is refused as {@code ../x} is. */
  private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]");
  private final Path folder;
  private final Path file;
  private final LocatedJson json;
  private final long maxFileBytes;
  private final Function<JsonNode, Optional<String>> checkValidator;
  private final ReadBudget budget;
  private final ReadableContents readable;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, byte[]> contents = new HashMap<>();

  /**
   * @param checkValidator what is wrong with a rubric criterion's check object, if anything
   */
  public TaskChecks(Path folder, LocatedJson json, long maxFileBytes,
      Function<JsonNode, Optional<String>> checkValidator) {
    this(folder, json, maxFileBytes, checkValidator, ReadBudget.NONE, ReadableContents.NONE);
  }

  /**
   * Checks that keep the bytes of the files they open, as far as {@code budget} allows, for the
   * suite's hash ({@link #contents}), so that a file is read once for both; documents whose
   * bytes {@code readable} knows to open are not parsed again.
   */
  public TaskChecks(Path folder, LocatedJson json, long maxFileBytes,
      Function<JsonNode, Optional<String>> checkValidator, ReadBudget budget, ReadableContents readable) {
    this.folder = folder;
    this.file = folder.resolve("task.json");
    this.json = json;
    this.maxFileBytes = maxFileBytes;
    this.checkValidator = checkValidator;
    this.budget = budget;
    this.readable = readable;
  }

  /**
   * The bytes of the reference and baseline files that opened, by the path the task gives, as
   * far as the budget allowed; read by {@link #check}.
   */
  public Map<String, byte[]> contents() {
    return contents;
  }

  public List<Problem> check() {
    JsonNode root = json.root();
    checkId(root.get("id"));
    JsonNode references = root.path("references");
    for (int i = 0; i < references.size(); i++) {
      JsonNode reference = references.get(i);
      if (reference.isTextual()) {
        checkOpens(reference.asText(), LocatedJson.child("/references", i));
      } else if (reference.path("file").isTextual()) {
        checkOpens(reference.get("file").asText(), LocatedJson.child(LocatedJson.child("/references", i), "file"));
      }
    }
    JsonNode baselineFiles = root.path("baseline").path("files");
    for (int i = 0; i < baselineFiles.size(); i++) {
      if (baselineFiles.get(i).isTextual()) {
        checkOpens(baselineFiles.get(i).asText(), LocatedJson.child("/baseline/files", i));
      }
    }
    JsonNode notShown = root.path("references_not_shown");
    for (int i = 0; i < notShown.size(); i++) {
      if (notShown.get(i).path("file").isTextual()) {
        checkInside(notShown.get(i).get("file").asText(), LocatedJson.child(LocatedJson.child("/references_not_shown", i), "file"));
      }
    }
    checkSourced(root.path("baseline"), "minutes");
    checkSourced(root.path("baseline"), "hourly_wage_usd");
    checkRubric(root.path("rubric"));
    checkProvenance(root.path("provenance"));
    return problems;
  }

  private void checkId(JsonNode id) {
    if (id == null || !id.isTextual()) {
      return;
    }
    String folderName = folder.getFileName().toString();
    if (!id.asText().equals(folderName)) {
      report("/id", "id \"" + id.asText() + "\" does not match its folder name \"" + folderName
          + "\"; rename one so they are equal");
    }
  }

  /**
   * A reference or baseline file is checked as any file, then opened with the reader a run, a
   * judge and the grading app use (text extracted, a picture decoded), so that a file they could
   * not read (a corrupt DOCX, a PDF named .xlsx) is reported here, before anything is spent.
   */
  private void checkOpens(String relative, String pointer) {
    if (!checkFile(relative, pointer)) {
      return;
    }
    FileFormat format = FileFormat.ofFileName(relative).orElseThrow();
    Path path = folder.resolve(relative).normalize();
    Optional<String> unreadable;
    try {
      byte[] content = Files.readAllBytes(path);
      unreadable = readable.whyUnreadable(path, content, format);
      if (unreadable.isEmpty() && budget.take(content.length)) {
        contents.put(relative, content);
      }
    } catch (IOException e) {
      // Asked again with the path, so that a file that cannot be read is reported as it always was.
      unreadable = Documents.whyUnreadable(path, format);
    }
    unreadable.ifPresent(reason ->
        report(pointer, "\"" + relative + "\" does not open as " + format.id() + ": " + reason));
  }

  /**
   * A value with its source: an unknown one has no value, a known one has one, an estimate names
   * its basis. The schema checks the types; this says what is inconsistent.
   */
  private void checkSourced(JsonNode baseline, String field) {
    JsonNode value = baseline.get(field);
    if (value == null || !value.isObject() || !value.path("source").isTextual()) {
      return;
    }
    String pointer = "/baseline/" + field;
    String source = value.get("source").asText();
    if (!List.of("measured", "reported", "estimated", "unknown").contains(source)) {
      return; // the schema reports the name
    }
    boolean hasValue = value.has("value");
    if (source.equals("unknown") && hasValue) {
      report(pointer + "/value", "baseline." + field + " is unknown, so it must not have a value");
    } else if (!source.equals("unknown") && !hasValue) {
      report(pointer, "baseline." + field + " is " + source + " but has no value; give \"value\" or make it "
          + "{\"source\": \"unknown\"}");
    }
    if (source.equals("estimated") && !value.has("basis")) {
      report(pointer, "baseline." + field + " is estimated: say what from in \"basis\" (e.g. a wage statistic)");
    }
  }

  /** Whether the path is relative and stays inside the task folder; reports it when not. */
  private boolean checkInside(String relative, String pointer) {
    String shown = "\"" + relative + "\"";
    if (relative.startsWith("/") || relative.startsWith("\\") || DRIVE.matcher(relative).lookingAt()) {
      report(pointer, shown + " is an absolute path; give a path relative to the task folder");
      return false;
    }
    if (List.of(SEPARATOR.split(relative)).contains("..")) {
      report(pointer, shown + " must not use \"..\": files must be inside the task folder");
      return false;
    }
    return true;
  }

  /** Whether the file passed every check: it exists in the folder, is small enough and of a known format. */
  private boolean checkFile(String relative, String pointer) {
    String shown = "\"" + relative + "\"";
    if (relative.isEmpty() || !checkInside(relative, pointer)) {
      return false;
    }
    long size;
    BasicFileAttributes plain = plainFile(relative);
    if (plain != null) {
      size = plain.size();
    } else {
      Path path = folder.resolve(relative).normalize();
      if (!Files.exists(path)) {
        report(pointer, "file not found: " + shown + " (looked in " + path + ")");
        return false;
      }
      try {
        Path real = path.toRealPath();
        if (!real.startsWith(folder.toRealPath())) {
          report(pointer, shown + " is a link that leads outside the task folder, to " + real);
          return false;
        }
        if (!Files.isRegularFile(real)) {
          report(pointer, shown + " is not a regular file");
          return false;
        }
        size = Files.size(real);
      } catch (IOException e) {
        report(pointer, "cannot read " + shown + ": " + e.getMessage());
        return false;
      }
    }
    boolean small = size <= maxFileBytes;
    if (!small) {
      report(pointer, shown + " is " + humanSize(size) + ", over the limit of " + humanSize(maxFileBytes));
    }
    if (FileFormat.ofFileName(relative).isEmpty()) {
      report(pointer, shown + " has an unknown format; known extensions: " + FileFormat.knownIds()
          + (pointer.startsWith("/references") ? " (list a file the model cannot be shown in references_not_shown)" : ""));
      return false;
    }
    return small;
  }

  /**
   * The attributes of the file at {@code relative} when every name on its way down from the task
   * folder is a folder and the last a regular file, none of them a link: then the file is inside
   * the task folder without resolving a link, from one {@code lstat} a name instead of the links
   * of every folder up to the root, twice. Null when that cannot be told so (a link on the way, a
   * missing file): then the file is checked the long way, which says what is wrong.
   */
  private BasicFileAttributes plainFile(String relative) {
    String[] names = relative.split("/");
    Path at = folder;
    BasicFileAttributes attributes = null;
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        return null;
      }
      at = at.resolve(name);
      try {
        attributes = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return null; // missing or unreadable: the long way reports it
      }
      if (i == names.length - 1 ? !attributes.isRegularFile() : !attributes.isDirectory()) {
        return null;
      }
    }
    return attributes;
  }

  private void checkRubric(JsonNode rubric) {
    Set<String> ids = new HashSet<>();
    boolean anyPositive = false;
    boolean anyPoints = false;
    for (int i = 0; i < rubric.size(); i++) {
      String item = LocatedJson.child("/rubric", i);
      JsonNode criterion = rubric.get(i);
      JsonNode id = criterion.get("id");
      if (id != null && id.isTextual() && !ids.add(id.asText())) {
        report(item + "/id", "duplicate rubric id \"" + id.asText() + "\"");
      }
      JsonNode check = criterion.get("check");
      if (check != null && check.isObject()) {
        checkValidator.apply(check).ifPresent(problem -> report(item + "/check", "rubric[" + criterionIndex(item)
            + "].check: " + problem));
      }
      JsonNode points = criterion.get("points");
      if (points != null && points.isNumber()) {
        anyPoints = true;
        if (points.doubleValue() == 0) {
          report(item + "/points", "rubric[" + i + "].points must not be zero "
              + "(positive points reward, negative points penalise)");
        }
        anyPositive |= points.doubleValue() > 0;
      }
    }
    if (anyPoints && !anyPositive) {
      report("/rubric", "the rubric needs at least one criterion with positive points");
    }
  }

  /**
   * A task contributed from real work says on what right it may be shared and that its contributor
   * agrees (issue 20: a suite goes to model providers and graders); a licensed one names the licence.
   */
  private void checkProvenance(JsonNode provenance) {
    if (!provenance.isObject()) {
      return;
    }
    if ("contributed".equals(provenance.path("origin").asText())) {
      if (!provenance.has("consent")) {
        report("/provenance", "a contributed task needs provenance.consent: the contributor's statement that it "
            + "may be shared with model providers and graders");
      }
      if (!provenance.has("rights_basis")) {
        report("/provenance", "a contributed task needs provenance.rights_basis: own_work, "
            + "rights_holder_permission, licensed or public_domain");
      }
    }
    if ("licensed".equals(provenance.path("rights_basis").asText()) && !provenance.has("license")) {
      report("/provenance/rights_basis", "provenance.rights_basis is licensed: name the licence in provenance.license");
    }
  }

  private static String criterionIndex(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private void report(String pointer, String message) {
    LocatedJson.Position position = json.valuePosition(pointer);
    problems.add(new Problem(file, position.line(), position.column(), message));
  }

  private static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
