package dev.parity.tasks.internal;

import dev.parity.tasks.Occupation;
import dev.parity.tasks.SuiteSummary;
import dev.parity.tasks.SuiteSummary.TaskFacts;
import dev.parity.tasks.TaskFlag;
import dev.parity.tasks.internal.ContentHasher.TaskContent;
import static dev.parity.tasks.internal.CacheFields.readBytes;
import static dev.parity.tasks.internal.CacheFields.readCount;
import static dev.parity.tasks.internal.CacheFields.readOptional;
import static dev.parity.tasks.internal.CacheFields.readStamp;
import static dev.parity.tasks.internal.CacheFields.readText;
import static dev.parity.tasks.internal.CacheFields.writeBytes;
import static dev.parity.tasks.internal.CacheFields.writeOptional;
import static dev.parity.tasks.internal.CacheFields.writeStamp;
import static dev.parity.tasks.internal.CacheFields.writeText;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the suite loader found valid last time, so that a command that only reads a suite does not
 * parse, validate and hash an unchanged suite again (issue 17: {@code parity suite info} on 4,000
 * tasks). One file per suite, in the user's cache folder ({@code $XDG_CACHE_HOME/parity/suites},
 * else {@code ~/.cache/parity/suites}): outside the suite, so a read-only or shared suite folder
 * works and a suite's folder (which is hashed, vetted, copied and committed) never holds it; and
 * never in a store, which read-only commands must not create.
 *
 * <p>Each task is kept with the {@link FileStamp stamps} of its {@code task.json} and of every file
 * it references, taken before they were read: a task whose stamps all still match is taken as it
 * was, any other is read and checked again. The suite's hash is kept too, for when nothing at all
 * changed. Only valid tasks are kept, so a problem is always found by reading the file and is
 * reported with its line. The file names its format, the tool that wrote it and the suite it is
 * for; one that does not match, or that cannot be read whole, is ignored, and a cache that cannot
 * be written is done without: the cache can cost a read, never a command.
 *
 * <p>The file has two parts, each with its own checksum: the {@link Head head} (every stamp, and
 * the suite's summary) and the body (the canonical JSON and facts of each task). A suite whose
 * stamps all match needs only the head, about a tenth of the file: that is {@code parity suite
 * info} on an unchanged suite.
 */
public final class LoadCache {
  private static final String MAGIC = "parity suite cache";
  /** Changed whenever what is written changes. */
  private static final int FORMAT = 2;

  /** A file a cached task depends on, relative to the task's folder, with its stamp when read. */
  public record StampedFile(String relative, FileStamp stamp) {}

  /** A task folder's name with the stamps of its {@code task.json} and of every file it references. */
  public record TaskStamps(String folderName, FileStamp taskFile, List<StampedFile> files) {
    /** Whether {@code task.json} (named {@code taskFileName}) and every referenced file in {@code folder} are as they were. */
    public boolean isCurrent(Path folder, String taskFileName) {
      if (!taskFile.equals(FileStamp.of(folder.resolve(taskFileName)).orElse(null))) {
        return false;
      }
      for (StampedFile file : files) {
        if (!file.stamp().equals(FileStamp.of(folder.resolve(file.relative()).normalize()).orElse(null))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * One valid task as it was read: the stamps it was read with, its id and canonical JSON, and what
   * a suite's summary needs of it (so that showing a suite binds no task).
   */
  public record Entry(TaskStamps stamps, String id, byte[] canonical, TaskFacts facts) {
    public String folderName() {
      return stamps.folderName();
    }

    /** What the task adds to the suite's hash, found in {@code folder}. */
    public TaskContent content(Path folder) {
      return new TaskContent(id, canonical, stamps.files().stream().map(StampedFile::relative).toList(), folder);
    }
  }

  /**
   * The part of the cache that says whether anything changed, and what the suite's summary was
   * if not: the stamps of {@code suite.json}, of the tasks folder (whose times change when a folder
   * is added, removed, renamed or replaced in it) and of every task, in folder name order.
   */
  public record Head(FileStamp suiteFile, FileStamp tasksFolder, SuiteSummary summary, List<TaskStamps> tasks) {}

  /**
   * What was valid last time: the head, suite.json's canonical JSON, the suite's hash, the tasks by
   * folder name.
   */
  public record Contents(Head head, byte[] suiteCanonical, String hash, Map<String, Entry> entries) {
    public static final Contents EMPTY = new Contents(null, null, null, Map.of());

    /** What to write after a suite was read: the head's task stamps are the entries', in folder name order. */
    public static Contents of(FileStamp suiteFile, FileStamp tasksFolder, SuiteSummary summary, byte[] suiteCanonical,
        String hash, Map<String, Entry> entries) {
      List<Entry> sorted = new ArrayList<>(entries.values());
      sorted.sort(Comparator.comparing(Entry::folderName));
      Head head = new Head(suiteFile, tasksFolder, summary, sorted.stream().map(Entry::stamps).toList());
      return new Contents(head, suiteCanonical, hash, entries);
    }

    /** suite.json's stamp when it was read; null without a cache. */
    public FileStamp suiteFile() {
      return head == null ? null : head.suiteFile();
    }

    /** The tasks folder's stamp when it was listed; null without a cache. */
    public FileStamp tasksFolder() {
      return head == null ? null : head.tasksFolder();
    }
  }

  private final Path file;
  private final String key;

  private LoadCache(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /**
   * The cache of the suite in {@code root}, in {@code folder}, for a loader described by
   * {@code loaderKey} (its settings); the code of {@code classes} is part of the key, so a rebuilt
   * Parity does not trust what an older one found valid.
   */
  public static LoadCache of(Path folder, Path root, String loaderKey, Class<?>... classes) {
    String suite = realPath(root).toString();
    StringBuilder key = new StringBuilder(suite).append('\n').append(loaderKey);
    for (Class<?> type : classes) {
      key.append('\n').append(CodeStamp.of(type));
    }
    return new LoadCache(folder.resolve(HexFormat.of().toHexDigits(fnv1a(suite)).concat(".cache")), key.toString());
  }

  /** {@code $XDG_CACHE_HOME/parity/suites}, else {@code $HOME/.cache/parity/suites}; empty with neither. */
  public static Optional<Path> userFolder(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Optional.of(Path.of(xdg, "parity", "suites"));
    }
    String home = environment.get("HOME");
    return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "parity", "suites"));
  }

  /** The stamps of a task's referenced files now; empty if one cannot be read (the task is then not kept). */
  public static Optional<List<StampedFile>> stamps(Path folder, List<String> relatives) {
    List<StampedFile> stamped = new ArrayList<>(relatives.size());
    for (String relative : relatives) {
      Optional<FileStamp> stamp = FileStamp.of(folder.resolve(relative).normalize());
      if (stamp.isEmpty()) {
        return Optional.empty();
      }
      stamped.add(new StampedFile(relative, stamp.get()));
    }
    return Optional.of(stamped);
  }

  /** The head of the cache for this suite and loader; empty if there is none usable. The body is not read. */
  public Optional<Head> readHead() {
    try (DataInputStream in = open()) {
      return Optional.of(head(in));
    } catch (IOException | RuntimeException e) {
      // Missing, truncated, corrupt or from another program: as if there were no cache.
      return Optional.empty();
    }
  }

  /** What the cache holds for this suite and loader; {@link Contents#EMPTY} if nothing usable. */
  public Contents read() {
    try (DataInputStream in = open()) {
      Head head = head(in);
      DataInputStream body = section(in);
      byte[] suiteCanonical = readBytes(body);
      String hash = readText(body);
      Map<String, Entry> entries = new HashMap<>(Math.max(16, head.tasks().size() * 2));
      for (TaskStamps stamps : head.tasks()) {
        entries.put(stamps.folderName(), new Entry(stamps, readText(body), readBytes(body), readFacts(body)));
      }
      if (body.read() != -1 || in.read() != -1) {
        return Contents.EMPTY;
      }
      return new Contents(head, suiteCanonical, hash, entries);
    } catch (IOException | RuntimeException e) {
      // Missing, truncated, corrupt or from another program: as if there were no cache.
      return Contents.EMPTY;
    }
  }

  /** Replaces the cache with {@code contents}, whole or not at all; a failure leaves no cache to trust. */
  public void write(Contents contents) {
    byte[] encoded;
    try {
      Head head = contents.head();
      ByteArrayOutputStream headBytes = new ByteArrayOutputStream(64 * 1024);
      try (DataOutputStream out = new DataOutputStream(headBytes)) {
        writeText(out, key);
        writeStamp(out, head.suiteFile());
        writeStamp(out, head.tasksFolder());
        SummaryCodec.write(out, head.summary());
        out.writeInt(head.tasks().size());
        for (TaskStamps task : head.tasks()) {
          writeText(out, task.folderName());
          writeStamp(out, task.taskFile());
          out.writeInt(task.files().size());
          for (StampedFile stamped : task.files()) {
            writeText(out, stamped.relative());
            writeStamp(out, stamped.stamp());
          }
        }
      }
      ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(64 * 1024);
      try (DataOutputStream out = new DataOutputStream(bodyBytes)) {
        writeBytes(out, contents.suiteCanonical());
        writeText(out, contents.hash());
        for (TaskStamps task : head.tasks()) {
          Entry entry = contents.entries().get(task.folderName());
          writeText(out, entry.id());
          writeBytes(out, entry.canonical());
          writeFacts(out, entry.facts());
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(headBytes.size() + bodyBytes.size() + 64);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        writeSection(out, headBytes.toByteArray());
        writeSection(out, bodyBytes.toByteArray());
      }
      encoded = bytes.toByteArray();
    } catch (IOException | RuntimeException e) {
      // Contents this code cannot write: the next command reads the suite again, that is all.
      return;
    }
    CacheFile.replace(file, encoded);
  }

  /** The file this cache lives in. */
  public Path file() {
    return file;
  }

  private DataInputStream open() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    return new DataInputStream(in);
  }

  /** The file's start and its head, checked: the format, the head's checksum and the key. */
  private Head head(DataInputStream in) throws IOException {
    if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) {
      throw new IOException("not this format");
    }
    DataInputStream head = section(in);
    if (!readText(head).equals(key)) {
      throw new IOException("another suite's or another Parity's cache");
    }
    FileStamp suiteFile = readStamp(head);
    FileStamp tasksFolder = readStamp(head);
    SuiteSummary summary = SummaryCodec.read(head);
    int count = readCount(head);
    List<TaskStamps> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String folderName = readText(head);
      FileStamp taskFile = readStamp(head);
      int fileCount = readCount(head);
      List<StampedFile> files = new ArrayList<>(fileCount);
      for (int f = 0; f < fileCount; f++) {
        files.add(new StampedFile(readText(head), readStamp(head)));
      }
      tasks.add(new TaskStamps(folderName, taskFile, files));
    }
    if (head.read() != -1) {
      throw new IOException("trailing bytes in the head");
    }
    return new Head(suiteFile, tasksFolder, summary, tasks);
  }

  /** A part of the file: its length, its bytes and a checksum of them, so a part damaged in place is not trusted. */
  private static void writeSection(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
    out.writeLong(checksum(bytes));
  }

  private static DataInputStream section(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("bad length " + length);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length || in.readLong() != checksum(bytes)) {
      throw new IOException("damaged");
    }
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  private static long checksum(byte[] bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }

  private static void writeFacts(DataOutputStream out, TaskFacts facts) throws IOException {
    writeText(out, facts.id());
    writeOptional(out, facts.sector());
    writeOptional(out, facts.occupation() == null ? null : facts.occupation().title());
    writeOptional(out, facts.occupation() == null ? null : facts.occupation().soc());
    out.writeDouble(facts.hours() == null ? Double.NaN : facts.hours());
    out.writeDouble(facts.costUsd() == null ? Double.NaN : facts.costUsd());
    out.writeInt(facts.flags().size());
    for (TaskFlag flag : facts.flags()) {
      writeText(out, flag.kind().name());
      writeOptional(out, flag.detail());
    }
  }

  private static TaskFacts readFacts(DataInputStream in) throws IOException {
    String id = readText(in);
    String sector = readOptional(in);
    String title = readOptional(in);
    String soc = readOptional(in);
    double hours = in.readDouble();
    double cost = in.readDouble();
    int count = readCount(in);
    List<TaskFlag> flags = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      flags.add(new TaskFlag(TaskFlag.Kind.valueOf(readText(in)), readOptional(in)));
    }
    return new TaskFacts(id, sector, title == null && soc == null ? null : new Occupation(title, soc),
        Double.isNaN(hours) ? null : hours, Double.isNaN(cost) ? null : cost, flags);
  }

  private static Path realPath(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root.toAbsolutePath().normalize();
    }
  }

  /**
   * A 64-bit FNV-1a digest of {@code text}'s UTF-8 bytes, for the cache file's name. Not SHA-256: its
   * security providers loaded about a hundred classes, a tenth of {@code suite info}'s start on an
   * unchanged suite; a clash of two suites' names costs only their caches (the file holds its suite's
   * path, and a file for another suite is not used).
   */
  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }
}
