package dev.parity.graders.campaign;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.parity.core.Suggestions;
import dev.parity.store.BlobStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Offline packets (format 1, docs/grading.md): a folder a grader works in without the app. Each
 * open assignment gets a folder {@code item-NN} with {@code request.md}, the references and both
 * deliverables under neutral names; {@code form.csv} has a row per item to fill in;
 * {@code packet.json} says whose packet it is. {@link #importForm} reads the form back with the
 * app's rules, all rows or none.
 */
public final class Packets {
  /** The packet format written and read. */
  public static final int FORMAT = 1;
  static final List<String> COLUMNS = List.of("item", "assignment", "version", "verdict", "rationale", "ai_guess",
      "flag", "flag_note", "minutes", "rubric_a", "rubric_b");

  private final Assignments assignments;
  private final BlobStore blobs;
  private final DeliverableView view;
  private final Clock clock;
  private final PacketPages pages;

  /** Packets of files only, without page images. */
  public Packets(Assignments assignments, BlobStore blobs, DeliverableView view, Clock clock) {
    this(assignments, blobs, view, clock, PacketPages.NONE);
  }

  /** Packets whose items also hold the page images {@code pages} writes. */
  public Packets(Assignments assignments, BlobStore blobs, DeliverableView view, Clock clock, PacketPages pages) {
    this.assignments = assignments;
    this.blobs = blobs;
    this.view = view;
    this.clock = clock;
    this.pages = pages;
  }

  /**
   * Writes a grader's open assignments (of one campaign, or all when {@code campaign} is null)
   * into {@code out}, which must be empty or absent.
   *
   * @return how many items were written
   * @throws InvalidCampaignException when {@code out} holds files already
   */
  public int export(String graderId, String campaign, Path out) {
    try {
      if (Files.isDirectory(out)) {
        try (var entries = Files.list(out)) {
          if (entries.findAny().isPresent()) {
            throw new InvalidCampaignException("packet folder " + out, List.of("the folder is not empty"));
          }
        }
      }
      Files.createDirectories(out);
      List<QueueItem> items = assignments.queue(graderId).stream().filter(QueueItem::isOpen)
          .filter(q -> campaign == null || q.campaign().equals(campaign)).toList();
      List<List<String>> rows = new ArrayList<>();
      int n = 0;
      for (QueueItem item : items) {
        String folder = String.format(Locale.ROOT, "item-%02d", ++n);
        AssignmentView a = assignments.open(graderId, item.assignmentId());
        Path dir = Files.createDirectories(out.resolve(folder));
        List<BlindFile> references = BlindFile.references(a.references());
        List<BlindFile> left = BlindFile.side("A", a.left());
        List<BlindFile> right = BlindFile.side("B", a.right());
        writeFiles(dir.resolve("references"), references);
        writeFiles(dir, left);
        writeFiles(dir, right);
        List<String> notes = pages.write(dir, left, right, references);
        Files.writeString(dir.resolve("request.md"), request(a, notes), StandardCharsets.UTF_8);
        rows.add(List.of(folder, a.id(), Integer.toString(a.version()), "", "", "", "", "", "", "", ""));
      }
      try (Writer w = Files.newBufferedWriter(out.resolve("form.csv"), StandardCharsets.UTF_8)) {
        Csv.write(w, COLUMNS, rows);
      }
      Files.writeString(out.resolve("packet.json"), Campaigns.json(Map.of("format", FORMAT, "grader", graderId,
          "exported_at", clock.instant().toString(), "items", rows.size())), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("README.txt"), README, StandardCharsets.UTF_8);
      return rows.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the packet in " + out + ": " + e.getMessage(), e);
    }
  }

  private void writeFiles(Path dir, List<BlindFile> files) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    Files.createDirectories(dir);
    for (BlindFile f : files) {
      Files.write(dir.resolve(f.name()), view.strip(f.name(), blobs.get(f.file().sha256())));
    }
  }

  private static String request(AssignmentView a, List<String> pageNotes) {
    StringBuilder md = new StringBuilder("# ").append(a.taskTitle()).append("\n\n")
        .append("Occupation: ").append(a.occupation()).append("\n");
    if (a.requestFrom() != null) {
      md.append("From: ").append(a.requestFrom()).append("\n");
    }
    md.append("\n").append(a.requestText()).append("\n");
    List<BlindFile> references = BlindFile.references(a.references());
    if (!references.isEmpty()) {
      md.append("\n## References (in references/)\n\n");
      references.forEach(r -> md.append("- ").append(r.name())
          .append(r.file().description() == null ? "" : ": " + r.file().description()).append("\n"));
    }
    md.append("\n## The deliverables\n\n- ").append(String.join(", ", BlindFile.side("A", a.left()).stream()
        .map(BlindFile::name).toList())).append("\n- ").append(String.join(", ", BlindFile.side("B", a.right())
        .stream().map(BlindFile::name).toList())).append("\n");
    if (!pageNotes.isEmpty()) {
      md.append("\n## Pages\n\n");
      pageNotes.forEach(n -> md.append("- ").append(n).append("\n"));
    }
    if (!a.rubric().isEmpty()) {
      md.append("\n## Rubric: list the ids each side meets in rubric_a and rubric_b, separated by ;\n\n");
      a.rubric().forEach(r -> md.append("- `").append(r.id()).append("` (").append(r.points()).append(" points): ")
          .append(r.criterion()).append("\n"));
    }
    md.append("\nAt least ").append(a.minRationaleChars()).append(" characters of rationale are needed with a verdict.\n");
    return md.toString();
  }

  /**
   * Reads a filled-in form and submits every row that has a verdict or a flag, in one transaction,
   * with the same checks as the app. Rows left blank are skipped.
   *
   * @param name the file's name, for messages
   * @param graderId whose packet it is: every row must be one of their assignments
   * @return how many rows were submitted
   * @throws InvalidCampaignException listing every bad row with its line number; nothing is stored
   */
  public int importForm(String name, Reader csv, String graderId) {
    List<String> problems = new ArrayList<>();
    List<Assignments.Entry> entries = new ArrayList<>();
    try (MappingIterator<String[]> rows = new CsvMapper().readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(csv)) {
      if (!rows.hasNextValue()) {
        throw new InvalidCampaignException(name, List.of("line 1: the file is empty; it needs the header row"));
      }
      Map<String, Integer> header = header(rows.nextValue(), problems);
      if (!problems.isEmpty()) {
        throw new InvalidCampaignException(name, problems);
      }
      while (rows.hasNextValue()) {
        int line = rows.getCurrentLocation().getLineNr();
        Map<String, String> row = new HashMap<>();
        String[] cells = rows.nextValue();
        header.forEach((column, index) -> row.put(column, index < cells.length ? cells[index].strip() : ""));
        entry(line, row, graderId, problems).ifPresent(entries::add);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidCampaignException invalid) {
        throw invalid;
      }
      problems.add("not a readable CSV file: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(name, problems);
    }
    try {
      assignments.submitAll(graderId, entries, Assignments.Source.PACKET);
    } catch (InvalidCampaignException | StaleSubmissionException e) {
      throw new InvalidCampaignException(name, List.of(e.getMessage()));
    }
    return entries.size();
  }

  private static Map<String, Integer> header(String[] names, List<String> problems) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      String column = names[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column)) {
        problems.add("line 1: unknown column \"" + names[i] + "\"" + Suggestions.didYouMean(column, COLUMNS));
      } else if (columns.putIfAbsent(column, i) != null) {
        problems.add("line 1: column \"" + column + "\" appears twice");
      }
    }
    for (String required : List.of("assignment", "verdict", "rationale")) {
      if (!columns.containsKey(required)) {
        problems.add("line 1: missing column \"" + required + "\"");
      }
    }
    return columns;
  }

  private Optional<Assignments.Entry> entry(int line, Map<String, String> row, String graderId, List<String> problems) {
    String at = "line " + line + " (" + row.getOrDefault("item", "") + "): ";
    String id = row.getOrDefault("assignment", "");
    if (row.getOrDefault("verdict", "").isEmpty() && row.getOrDefault("flag", "").isEmpty()
        && row.getOrDefault("rationale", "").isEmpty()) {
      return Optional.empty();
    }
    int before = problems.size();
    Verdict verdict = parsed(row, "verdict", Verdict::parse, "A, tie, B", at, problems);
    AiGuess guess = parsed(row, "ai_guess", AiGuess::parse, "cannot_tell, A, B", at, problems);
    Flag flag = parsed(row, "flag", Flag::parse, "conflict_of_interest, broken_file, other", at, problems);
    Duration minutes = null;
    String minutesText = row.getOrDefault("minutes", "");
    if (!minutesText.isEmpty()) {
      try {
        double value = Double.parseDouble(minutesText);
        if (!(value >= 0 && value <= 24 * 60)) {
          throw new NumberFormatException();
        }
        minutes = Duration.ofSeconds(Math.round(value * 60));
      } catch (NumberFormatException e) {
        problems.add(at + "minutes \"" + minutesText + "\" is not a number of minutes between 0 and 1440");
      }
    }
    Integer version = null;
    String versionText = row.getOrDefault("version", "");
    if (!versionText.isEmpty()) {
      try {
        version = Integer.parseInt(versionText);
      } catch (NumberFormatException e) {
        problems.add(at + "version \"" + versionText + "\" is not a whole number");
      }
    }
    Submission submission = new Submission(verdict, ids(row.get("rubric_a")), ids(row.get("rubric_b")),
        row.get("rationale"), guess, flag, row.get("flag_note"));
    try {
      Assignments.Rules rules = assignments.rules(graderId, id);
      submission.problems(rules.minRationaleChars(), rules.rubric()).forEach(p -> problems.add(at + p));
    } catch (NoSuchAssignmentException | NotYourAssignmentException e) {
      problems.add(at + "assignment \"" + id + "\" is not one of grader " + graderId + "'s");
    }
    return problems.size() > before ? Optional.empty()
        : Optional.of(new Assignments.Entry(id, submission, minutes, version));
  }

  private static <T> T parsed(Map<String, String> row, String column, Function<String, Optional<T>> parser,
      String expected, String at, List<String> problems) {
    String text = row.getOrDefault(column, "");
    if (text.isEmpty()) {
      return null;
    }
    Optional<T> value = parser.apply(text);
    if (value.isEmpty()) {
      problems.add(at + column + " \"" + text + "\" is not one of " + expected);
    }
    return value.orElse(null);
  }

  private static Set<String> ids(String text) {
    return text == null ? Set.of() : new TreeSet<>(Arrays.stream(text.split(";")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList());
  }

  private static final String README = """
      Parity grading packet (format 1)

      Each item-NN folder holds one assignment: request.md (what was asked, and the rubric when there
      is one), the references in references/, and two deliverables, deliverable-A.* and deliverable-B.*.
      Who made which is not said: judge the work itself. When the packet has page images, pages/
      holds each document's pages as pictures and side-by-side.html shows A and B page by page.

      Fill in one row of form.csv per item you grade (leave a row blank to skip it):
        verdict    A (A is better), tie (as good as each other) or B (B is better)
        rationale  why, in a few sentences (request.md says the minimum length)
        ai_guess   optional: A or B if you believe you can tell which one an AI made, else cannot_tell
        flag       optional: conflict_of_interest (no verdict needed), broken_file or other
        flag_note  what the problem is (needed for other)
        minutes    optional: how long the item took you
        rubric_a, rubric_b   when request.md lists a rubric: the ids each side meets, separated by ;
      Keep the item, assignment and version columns as they are. Send form.csv back to your
      coordinator, who runs: parity campaign import-grades form.csv
      """;
}
