package dev.parity.tasks.internal;

import dev.parity.tasks.Occupation;
import dev.parity.tasks.SuiteSummary.TaskFacts;
import dev.parity.tasks.TaskFlag;
import dev.parity.tasks.internal.ContentHasher.TaskContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
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
 */
public final class LoadCache {
  private static final String MAGIC = "parity suite cache";
  /** Changed whenever what is written changes. */
  private static final int FORMAT = 1;

  /** A file a cached task depends on, relative to the task's folder, with its stamp when read. */
  public record StampedFile(String relative, FileStamp stamp) {}

  /**
   * One valid task as it was read: the stamps it was read with, its id and canonical JSON, and what
   * a suite's summary needs of it (so that showing a suite binds no task).
   */
  public record Entry(String folderName, FileStamp taskFile, List<StampedFile> files, String id, byte[] canonical,
      TaskFacts facts) {
    /** Whether {@code task.json} and every referenced file in {@code folder} are as they were. */
    public boolean isCurrent(Path folder, String taskFileName) {
      if (!FileStamp.of(folder.resolve(taskFileName)).map(taskFile::equals).orElse(false)) {
        return false;
      }
      for (StampedFile file : files) {
        if (!FileStamp.of(folder.resolve(file.relative()).normalize()).map(file.stamp()::equals).orElse(false)) {
          return false;
        }
      }
      return true;
    }

    /** What the task adds to the suite's hash, found in {@code folder}. */
    public TaskContent content(Path folder) {
      return new TaskContent(id, canonical, files.stream().map(StampedFile::relative).toList(), folder);
    }
  }

  /** What was valid last time: suite.json's stamp and canonical JSON, the suite's hash, the tasks by folder name. */
  public record Contents(FileStamp suiteFile, byte[] suiteCanonical, String hash, Map<String, Entry> entries) {
    public static final Contents EMPTY = new Contents(null, null, null, Map.of());
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
      key.append('\n').append(codeStamp(type));
    }
    return new LoadCache(folder.resolve(HexFormat.of().toHexDigits(fnv1a(suite)) + ".cache"), key.toString());
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

  /** What the cache holds for this suite and loader; {@link Contents#EMPTY} if nothing usable. */
  public Contents read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Contents.EMPTY;
    }
    // The last 8 bytes are a checksum of the rest: a cache damaged in place is not trusted.
    if (bytes.length < Long.BYTES || checksum(bytes, bytes.length - Long.BYTES)
        != java.nio.ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()) {
      return Contents.EMPTY;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES))) {
      if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT || !readText(in).equals(key)) {
        return Contents.EMPTY;
      }
      FileStamp suiteFile = readStamp(in);
      byte[] suiteCanonical = readBytes(in);
      String hash = in.readUTF();
      int count = in.readInt();
      Map<String, Entry> entries = new HashMap<>(Math.max(16, count * 2));
      for (int i = 0; i < count; i++) {
        String folderName = in.readUTF();
        FileStamp taskFile = readStamp(in);
        int fileCount = in.readInt();
        List<StampedFile> files = new ArrayList<>(fileCount);
        for (int f = 0; f < fileCount; f++) {
          files.add(new StampedFile(in.readUTF(), readStamp(in)));
        }
        entries.put(folderName, new Entry(folderName, taskFile, files, in.readUTF(), readBytes(in), readFacts(in)));
      }
      if (in.read() != -1) {
        return Contents.EMPTY;
      }
      return new Contents(suiteFile, suiteCanonical, hash, entries);
    } catch (IOException | RuntimeException e) {
      // Truncated, corrupt or from another program: as if there were no cache.
      return Contents.EMPTY;
    }
  }

  /** Replaces the cache with {@code contents}, whole or not at all; a failure leaves no cache to trust. */
  public void write(Contents contents) {
    Path temporary = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        writeText(out, key);
        writeStamp(out, contents.suiteFile());
        writeBytes(out, contents.suiteCanonical());
        out.writeUTF(contents.hash());
        out.writeInt(contents.entries().size());
        for (Entry entry : contents.entries().values()) {
          out.writeUTF(entry.folderName());
          writeStamp(out, entry.taskFile());
          out.writeInt(entry.files().size());
          for (StampedFile stamped : entry.files()) {
            out.writeUTF(stamped.relative());
            writeStamp(out, stamped.stamp());
          }
          out.writeUTF(entry.id());
          writeBytes(out, entry.canonical());
          writeFacts(out, entry.facts());
        }
        out.writeLong(checksum(bytes.toByteArray(), bytes.size()));
      }
      Files.createDirectories(file.getParent());
      temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.write(temporary, bytes.toByteArray());
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // A read-only or full cache folder: the next command reads the suite again, that is all.
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Nothing more to do: a stray temporary file is never read as the cache.
        }
      }
    }
  }

  /** The file this cache lives in. */
  public Path file() {
    return file;
  }

  private static long checksum(byte[] bytes, int length) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }

  private static void writeFacts(DataOutputStream out, TaskFacts facts) throws IOException {
    out.writeUTF(facts.id());
    writeOptional(out, facts.sector());
    writeOptional(out, facts.occupation() == null ? null : facts.occupation().title());
    writeOptional(out, facts.occupation() == null ? null : facts.occupation().soc());
    out.writeDouble(facts.hours() == null ? Double.NaN : facts.hours());
    out.writeDouble(facts.costUsd() == null ? Double.NaN : facts.costUsd());
    out.writeInt(facts.flags().size());
    for (TaskFlag flag : facts.flags()) {
      out.writeUTF(flag.kind().name());
      writeOptional(out, flag.detail());
    }
  }

  private static TaskFacts readFacts(DataInputStream in) throws IOException {
    String id = in.readUTF();
    String sector = readOptional(in);
    String title = readOptional(in);
    String soc = readOptional(in);
    double hours = in.readDouble();
    double cost = in.readDouble();
    int count = in.readInt();
    List<TaskFlag> flags = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      flags.add(new TaskFlag(TaskFlag.Kind.valueOf(in.readUTF()), readOptional(in)));
    }
    return new TaskFacts(id, sector, title == null && soc == null ? null : new Occupation(title, soc),
        Double.isNaN(hours) ? null : hours, Double.isNaN(cost) ? null : cost, flags);
  }

  private static void writeOptional(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeStamp(DataOutputStream out, FileStamp stamp) throws IOException {
    out.writeLong(stamp.inode());
    out.writeLong(stamp.size());
    out.writeLong(stamp.modifiedNanos());
    out.writeLong(stamp.changedNanos());
  }

  private static FileStamp readStamp(DataInputStream in) throws IOException {
    return new FileStamp(in.readLong(), in.readLong(), in.readLong(), in.readLong());
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length " + length);
    }
    return in.readNBytes(length);
  }

  /** Text of any length (writeUTF stops at 64 KB). */
  private static void writeText(DataOutputStream out, String value) throws IOException {
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  /** The jar (or class file) {@code type} was loaded from, with its stamp: it changes when Parity is rebuilt. */
  static String codeStamp(Class<?> type) {
    // A lambda is a hidden class with a new name in every JVM: its nest host is the class that wrote it.
    Class<?> named = type.isHidden() ? type.getNestHost() : type;
    try {
      CodeSource source = named.getProtectionDomain().getCodeSource();
      if (source == null) {
        return named.getName();
      }
      Path location = Path.of(source.getLocation().toURI());
      Path code = Files.isDirectory(location) ? location.resolve(named.getName().replace('.', '/') + ".class") : location;
      // The stamp's fields, not the record's toString: its first call spins method handles (about 30 classes).
      return code + FileStamp.of(code).map(stamp -> " " + stamp.inode() + " " + stamp.size() + " "
          + stamp.modifiedNanos() + " " + stamp.changedNanos()).orElse(" unknown");
    } catch (URISyntaxException | RuntimeException e) {
      return named.getName();
    }
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
