package dev.parity.judgments;

import dev.parity.harness.store.Contestant;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.parity.core.SpreadsheetCells;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The judgments interchange file (documented in docs/judgments-format.md): one row per judgment, a
 * header naming the columns, in any order. A file is read whole or not at all. Parity writes
 * version 2 and reads both versions: a header with a {@code contestant} column is version 2, one
 * with a {@code model} column version 1 (read as judgments of models, with nothing known about how
 * the deliverables were shown).
 */
public final class JudgmentsCsv {
  /** Every column of version 2, in the order Parity writes them. */
  public static final List<String> COLUMNS = List.of("task_id", "contestant", "opponent", "grader", "grader_type",
      "outcome", "sample", "occupation", "sector", "minutes", "rationale", "shown", "outcome_shown_first",
      "outcome_shown_second");
  /** Every column of version 1. */
  public static final List<String> COLUMNS_V1 = List.of("task_id", "model", "opponent", "grader", "grader_type",
      "outcome", "sample", "occupation", "sector", "minutes", "rationale");
  private static final List<String> REQUIRED = List.of("task_id", "contestant", "grader", "outcome");
  private static final List<String> REQUIRED_V1 = List.of("task_id", "model", "grader", "outcome");

  private JudgmentsCsv() {}

  /**
   * Reads every judgment of a file.
   *
   * @param name the file's name, for messages
   * @param tasks finds a task by id, to take its occupation and sector; empty for unknown tasks.
   *     Asked only about rows that leave their occupation or sector empty, so a caller may still be
   *     loading the suite while a file that names them in every row is read (and that lookup may
   *     wait for it)
   * @throws InvalidJudgmentsException listing every bad row with its line number
   */
  public static List<Judgment> read(String name, Reader csv, Function<String, Optional<Task>> tasks) {
    return read(name, csv, tasks, Runnable::run);
  }

  /**
   * Reads every judgment of a file as {@link #read(String, Reader, Function)} does, the rows parsed
   * on this thread and checked in batches on {@code executor} meanwhile: the same judgments in the
   * same order, the same problems.
   *
   * @param tasks as above; called from {@code executor}'s threads as well, so it must be thread-safe
   */
  public static List<Judgment> read(String name, Reader csv, Function<String, Optional<Task>> tasks,
      Executor executor) {
    try {
      return read(name, new JacksonRows(csv), tasks, executor);
    } catch (PlainCsvRows.Declined e) {
      throw new AssertionError("Jackson's rows never decline", e);
    }
  }

  /**
   * Reads every judgment of a UTF-8 file as {@link #read(String, Reader, Function, Executor)} does,
   * named by its path: the same judgments, or the same problems. A file in the plain form that
   * Parity and spreadsheets write is read by a reader of Parity's own (at 118,800 judgments the
   * reading thread's CPU fell from 0.29 to 0.12 s); any other is read again by Jackson from its
   * start ({@link PlainCsvRows}).
   *
   * @throws IOException if the file cannot be opened
   */
  public static List<Judgment> read(Path file, Function<String, Optional<Task>> tasks, Executor executor)
      throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), new PlainRows(reader), tasks, executor);
    } catch (PlainCsvRows.Declined e) {
      // Safe to drop: nothing has been returned or thrown yet, and the batches still being checked
      // only fill lists that no one reads. Jackson has the last word on the file.
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader, tasks, executor);
    }
  }

  private static List<Judgment> read(String name, Rows rows, Function<String, Optional<Task>> tasks,
      Executor executor) throws PlainCsvRows.Declined {
    List<String> problems = new ArrayList<>();
    List<Judgment> judgments = new ArrayList<>();
    RowBatches batches = null;
    String unreadable = null;
    try (rows) {
      String[] names = rows.next();
      if (names == null) {
        throw new InvalidJudgmentsException(name, List.of("line 1: the file is empty; it needs a header row"));
      }
      int version = version(names);
      Map<String, Integer> header = version == 2 ? CsvHeader.read(names, COLUMNS, REQUIRED, problems)
          : CsvHeader.read(names, COLUMNS_V1, REQUIRED_V1, problems);
      if (!problems.isEmpty()) {
        throw new InvalidJudgmentsException(name, problems);
      }
      Columns columns = Columns.of(version, header);
      Repeated repeated = new Repeated(version);
      batches = new RowBatches((line, cells, checked, found) -> new Row(line, cells, columns, repeated, tasks, found)
          .judgment().ifPresent(checked::add), executor, problems);
      String[] cells;
      while (!batches.stopped() && (cells = rows.next()) != null) {
        batches.add(rows.line(), cells);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidJudgmentsException invalid) {
        throw invalid;
      }
      unreadable = "not a readable CSV file: " + e.getMessage();
    }
    if (batches != null) {
      // The rows before the parser's failure are checked first, as the serial read had done.
      judgments = batches.finish(failure -> problems.add("not a readable CSV file: " + failure.getMessage()));
      if (batches.stopped()) {
        // A row's check failed: the serial read stopped there, before the parser got further.
        unreadable = null;
      }
    }
    if (unreadable != null) {
      problems.add(unreadable);
    }
    if (!problems.isEmpty()) {
      throw new InvalidJudgmentsException(name, problems);
    }
    return judgments;
  }

  /** A header with a {@code contestant} column is version 2; anything else is read as version 1. */
  private static int version(String[] names) {
    for (String column : names) {
      if (column.strip().replace("\uFEFF", "").equalsIgnoreCase("contestant")) {
        return 2;
      }
    }
    return 1;
  }

  /**
   * Writes judgments as version 2, with a header of every column; text that a spreadsheet would take
   * for a formula is guarded ({@link SpreadsheetCells}), and {@link #read} undoes it.
   */
  public static void write(List<Judgment> judgments, Writer out) {
    // Row by row: a million judgments' cells built first took more memory than anything else at the
    // end of a report (benchmarks/README.md, "Fifth pass").
    try {
      CsvCells rows = new CsvCells(out);
      for (String column : COLUMNS) {
        rows.cell(column);
      }
      rows.endRow();
      for (Judgment j : judgments) {
        Showing showing = j.showing();
        rows.cell(SpreadsheetCells.guard(j.taskId()));
        rows.cell(SpreadsheetCells.guard(j.contestant().toString()));
        rows.cell(SpreadsheetCells.guard(j.opponent()));
        rows.cell(SpreadsheetCells.guard(j.grader()));
        rows.cell(SpreadsheetCells.guard(j.graderType().id()));
        rows.cell(SpreadsheetCells.guard(j.outcome().id()));
        rows.cell(SpreadsheetCells.guard(Integer.toString(j.sample())));
        rows.cell(SpreadsheetCells.guard(j.occupation()));
        rows.cell(SpreadsheetCells.guard(j.sector()));
        rows.cell(j.minutes() == null ? "" : SpreadsheetCells.guard(number(j.minutes())));
        rows.cell(j.rationale() == null ? "" : SpreadsheetCells.guard(j.rationale()));
        rows.cell(showing.side() == null ? "" : SpreadsheetCells.guard(showing.side().id()));
        rows.cell(SpreadsheetCells.guard(id(showing.shownFirst())));
        rows.cell(SpreadsheetCells.guard(id(showing.shownSecond())));
        rows.endRow();
      }
      // Flushed, not closed: closing would close the caller's writer (standard output, for `export`).
      rows.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id(Outcome outcome) {
    return outcome == null ? "" : outcome.id();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /**
   * Where each column is in a file's rows, found once per file: a row's cells are then read by
   * index, not looked up by name (14 lookups a row); -1 for a column the file does not have.
   */
  private record Columns(int version, int taskId, int contestant, int opponent, int grader, int graderType,
      int outcome, int sample, int occupation, int sector, int minutes, int rationale, int shown, int shownFirst,
      int shownSecond) {
    static Columns of(int version, Map<String, Integer> header) {
      return new Columns(version, at(header, "task_id"), at(header, version == 2 ? "contestant" : "model"),
          at(header, "opponent"), at(header, "grader"), at(header, "grader_type"), at(header, "outcome"),
          at(header, "sample"), at(header, "occupation"), at(header, "sector"), at(header, "minutes"),
          at(header, "rationale"), at(header, "shown"), at(header, "outcome_shown_first"),
          at(header, "outcome_shown_second"));
    }

    private static int at(Map<String, Integer> header, String column) {
      Integer index = header.get(column);
      return index == null ? -1 : index;
    }
  }

  /**
   * One instance of each value that rows repeat (task ids, contestants, graders, occupations,
   * sectors, how a deliverable was shown): a million judgments name a few thousand tasks and a few
   * dozen graders, and a copy per row would hold most of the memory of a large file. A contestant
   * is parsed once per distinct cell.
   */
  private static final class Repeated {
    // Concurrent: rows are checked on several threads (RowBatches).
    private final Map<Object, Object> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Contestant> contestants = new java.util.concurrent.ConcurrentHashMap<>();
    private final int version;

    Repeated(int version) {
      this.version = version;
    }

    /**
     * The contestant {@code text} names, shared.
     *
     * @throws IllegalArgumentException as {@link Contestant#parse} or {@link Contestant#model} does
     */
    Contestant contestant(String text) {
      Contestant known = contestants.get(text);
      if (known == null) {
        known = one(version == 2 ? Contestant.parse(text) : Contestant.model(text));
        contestants.putIfAbsent(text, known);
      }
      return known;
    }

    @SuppressWarnings("unchecked")
    <T> T one(T value) {
      if (value == null) {
        return null;
      }
      Object first = seen.get(value);
      if (first == null) {
        first = seen.putIfAbsent(value, value);
      }
      return first == null ? value : (T) first;
    }
  }

  /** The rows of a file one after the other, each with the line it is on. */
  interface Rows extends AutoCloseable {
    /** The next row's cells, or null after the last. */
    String[] next() throws IOException, PlainCsvRows.Declined;

    /** The line of the row {@link #next} returned last. */
    int line();

    @Override
    void close() throws IOException;
  }

  /** Jackson's CSV parser: spaces trimmed around cells, empty lines skipped. */
  static final class JacksonRows implements Rows {
    private final Reader csv;
    private MappingIterator<String[]> rows;
    private int line;

    JacksonRows(Reader csv) {
      this.csv = csv;
    }

    @Override
    public String[] next() throws IOException {
      if (rows == null) {
        rows = new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES).with(CsvParser.Feature.TRIM_SPACES).readValues(csv);
      }
      if (!rows.hasNextValue()) {
        return null;
      }
      line = rows.getCurrentLocation().getLineNr();
      return rows.nextValue();
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public void close() throws IOException {
      if (rows != null) {
        rows.close();
      }
    }
  }

  /** {@link PlainCsvRows}, which declines a file it cannot read (a read that fails included). */
  static final class PlainRows implements Rows {
    private final PlainCsvRows rows;

    PlainRows(Reader csv) {
      this.rows = new PlainCsvRows(csv);
    }

    @Override
    public String[] next() throws PlainCsvRows.Declined {
      try {
        return rows.next();
      } catch (IOException e) {
        // Jackson reads ahead of its rows, so which rows it checks before such a failure is its
        // own: the file goes to Jackson (bad UTF-8, a failing disk).
        throw new PlainCsvRows.Declined("unreadable: " + e.getMessage());
      }
    }

    @Override
    public int line() {
      return rows.line();
    }

    @Override
    public void close() {
      // The caller closes the file it opened.
    }
  }

  /** One data row, checked field by field. */
  private static final class Row {
    private final int line;
    private final String[] cells;
    private final Columns columns;
    private final Repeated repeated;
    private final Function<String, Optional<Task>> tasks;
    private final List<String> problems;
    private final int problemsBefore;

    Row(int line, String[] cells, Columns columns, Repeated repeated, Function<String, Optional<Task>> tasks,
        List<String> problems) {
      this.line = line;
      this.cells = cells;
      this.columns = columns;
      this.repeated = repeated;
      this.tasks = tasks;
      this.problems = problems;
      this.problemsBefore = problems.size();
    }

    Optional<Judgment> judgment() {
      int version = columns.version();
      String taskId = required("task_id", columns.taskId());
      String model = required(version == 2 ? "contestant" : "model", columns.contestant());
      Contestant contestant = contestant(model);
      String grader = required("grader", columns.grader());
      Outcome outcome = parsed("outcome", columns.outcome(), Outcome::parse, "win, tie, loss (or better, as_good, worse)");
      GraderType graderType = cell(columns.graderType()).isEmpty() ? GraderType.HUMAN
          : parsed("grader_type", columns.graderType(), GraderType::parse, "human or model");
      int sample = integer("sample", columns.sample());
      Double minutes = decimal("minutes", columns.minutes());
      String occupation = fromTaskOr("occupation", columns.occupation(), taskId, task -> task.occupation().title());
      String sector = fromTaskOr("sector", columns.sector(), taskId, Task::sector);
      String opponent = cell(columns.opponent());
      if (opponent.equals(model) && !model.isEmpty()) {
        problem("a contestant cannot be compared with itself (opponent = " + (version == 2 ? "contestant" : "model")
            + " = \"" + model + "\")");
      }
      Showing showing = showing();
      if (problems.size() > problemsBefore) {
        return Optional.empty();
      }
      String rationale = cell(columns.rationale());
      // Blank is the professionals, as Judgment's constructor reads it: given here, so that it is shared.
      opponent = opponent.isBlank() ? Judgment.BASELINE : opponent;
      return Optional.of(new Judgment(repeated.one(taskId), contestant, repeated.one(opponent), repeated.one(grader),
          graderType, outcome, sample, repeated.one(occupation), repeated.one(sector), minutes,
          rationale.isEmpty() ? null : rationale, repeated.one(showing)));
    }

    private Contestant contestant(String text) {
      if (text.isEmpty()) {
        return null;
      }
      try {
        return repeated.contestant(text);
      } catch (IllegalArgumentException e) {
        problem((columns.version() == 2 ? "contestant" : "model") + " \"" + text + "\": " + e.getMessage());
        return null;
      }
    }

    private Showing showing() {
      Side side = optional("shown", columns.shown(), Side::parse, "left or right");
      Outcome first = optional("outcome_shown_first", columns.shownFirst(), Outcome::parse, "win, tie, loss");
      Outcome second = optional("outcome_shown_second", columns.shownSecond(), Outcome::parse, "win, tie, loss");
      if (side != null && (first != null || second != null)) {
        problem("shown (a human grader's side) and outcome_shown_first/second (a model judge's orders)"
            + " cannot both be given");
        return Showing.UNKNOWN;
      }
      return new Showing(side, first, second);
    }

    private <T> T optional(String column, int index, Function<String, Optional<T>> parser, String expected) {
      return cell(index).isEmpty() ? null : parsed(column, index, parser, expected);
    }

    private String cell(int index) {
      return index < 0 || index >= cells.length ? "" : SpreadsheetCells.unguard(cells[index].strip());
    }

    private String required(String column, int index) {
      String value = cell(index);
      if (value.isEmpty()) {
        problem(column + " is empty");
      }
      return value;
    }

    private <T> T parsed(String column, int index, Function<String, Optional<T>> parser, String expected) {
      String value = cell(index);
      if (value.isEmpty()) {
        problem(column + " is empty");
        return null;
      }
      Optional<T> result = parser.apply(value);
      if (result.isEmpty()) {
        problem(column + " \"" + value + "\" is not one of " + expected);
      }
      return result.orElse(null);
    }

    private int integer(String column, int index) {
      String value = cell(index);
      if (value.isEmpty()) {
        return 0;
      }
      try {
        int number = Integer.parseInt(value);
        if (number >= 0) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(column + " \"" + value + "\" is not a whole number ≥ 0");
      return 0;
    }

    private Double decimal(String column, int index) {
      String value = cell(index);
      if (value.isEmpty()) {
        return null;
      }
      try {
        double number = PlainDecimals.parse(value);
        if (number >= 0 && Double.isFinite(number)) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(column + " \"" + value + "\" is not a number ≥ 0");
      return null;
    }

    /** The cell, or else the task's value; the suite is asked only for an empty cell. */
    private String fromTaskOr(String column, int index, String taskId, Function<Task, String> ofTask) {
      String value = cell(index);
      if (!value.isEmpty()) {
        return value;
      }
      Optional<String> fromTask = taskId.isEmpty() ? Optional.empty() : tasks.apply(taskId).map(ofTask);
      if (fromTask.isPresent()) {
        return fromTask.get();
      }
      if (!cell(columns.taskId()).isEmpty()) {
        problem(column + " is empty and task \"" + cell(columns.taskId()) + "\" is not in the suite, so it cannot be taken from there");
      }
      return "";
    }

    private void problem(String message) {
      problems.add("line " + line + ": " + message);
    }
  }
}
