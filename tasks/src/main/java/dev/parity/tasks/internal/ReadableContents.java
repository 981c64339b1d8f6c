package dev.parity.tasks.internal;

import static dev.parity.tasks.internal.CacheFields.readCount;
import static dev.parity.tasks.internal.CacheFields.readText;
import static dev.parity.tasks.internal.CacheFields.writeText;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * {@link Documents#whyUnreadable} with a memory of the contents that opened: which documents'
 * bytes (by SHA-256) opened as their format with these readers, so that a suite's Word, Excel,
 * PowerPoint, PDF and image files are parsed once, not on every {@code parity run}, resume and
 * {@code validate} (a few seconds for a suite of a few hundred real documents; benchmarks/README.md).
 *
 * <p>Unlike the {@link LoadCache load cache}, nothing is trusted from a file's stamp: every file is
 * still read whole, and its bytes are hashed and looked up. Whether bytes open as a format depends
 * on those bytes and on the readers alone, so the memory is keyed by both: the readers' code (the
 * jar or class files of the documents module and of POI and PDFBox, and the Java version, whose
 * image decoders read pictures) is written in the file, which is not trusted when it differs.
 * Only contents that opened are kept: a file that does not open is parsed every time, and its
 * problem reported with the reader's reason. Text formats (Markdown, text, CSV, JSON) are not
 * kept: decoding them costs less than hashing them.
 *
 * <p>One file, {@code readable} in the user's cache folder ({@code $XDG_CACHE_HOME/parity/documents},
 * else {@code ~/.cache/parity/documents}), read when the first document is checked and written
 * whole by {@link #save} (to a temporary file, then renamed) with what another process added
 * meanwhile; a file that is missing, truncated, damaged or another Parity's is ignored, and one
 * that cannot be written is done without: the memory can cost a parse, never a command.
 *
 * <p>Thread-safe: a suite's tasks are checked on several threads at once.
 */
public final class ReadableContents {
  /** No memory: every document is parsed. */
  public static final ReadableContents NONE = new ReadableContents(null, new Parse(), null);

  private static final String MAGIC = "parity readable contents";
  /** Changed whenever what is written changes. */
  private static final int FORMAT = 1;
  private static final String FILE_NAME = "readable";
  /**
   * The most contents kept, newest last: about 40 bytes each on disk, 4 MB at most. Beyond it the
   * oldest are dropped and parsed again when met.
   */
  static final int MAX_KEPT = 100_000;

  /** What says whether bytes open as a format: {@link Documents#whyUnreadable(Path, byte[], FileFormat)}. */
  interface Opener {
    Optional<String> whyUnreadable(Path file, byte[] content, FileFormat format);
  }

  /** The documents module's readers. A class, not a method reference: see {@link #userFolder}. */
  private static final class Parse implements Opener {
    @Override
    public Optional<String> whyUnreadable(Path file, byte[] content, FileFormat format) {
      return Documents.whyUnreadable(file, content, format);
    }
  }

  private final Path folder;
  private final Opener opener;
  /** The readers' code; null for {@link ReadersKey#KEY}, computed when first needed. */
  private final String readersKey;
  /** What the file held when first needed; null until then. */
  private volatile Set<Content> known;
  /** What opened here, in the order it did: the newest are kept when there are too many. */
  private final Set<Content> added = Collections.synchronizedSet(new LinkedHashSet<>());

  private ReadableContents(Path folder, Opener opener, String readersKey) {
    this.folder = folder;
    this.opener = opener;
    this.readersKey = readersKey;
  }

  /** The memory kept in {@code folder}, read when the first document is checked. */
  public static ReadableContents in(Path folder) {
    return new ReadableContents(java.util.Objects.requireNonNull(folder, "folder"), new Parse(), null);
  }

  /** The memory kept in {@code folder} of what {@code opener} opened, with readers whose code is {@code readersKey}. */
  static ReadableContents in(Path folder, Opener opener, String readersKey) {
    return new ReadableContents(java.util.Objects.requireNonNull(folder, "folder"), opener, readersKey);
  }

  /**
   * {@code $XDG_CACHE_HOME/parity/documents}, else {@code $HOME/.cache/parity/documents}; empty
   * with neither.
   */
  public static Optional<Path> userFolder(Map<String, String> environment) {
    // Not Optional.map with a lambda: suite info on an unchanged suite never starts the method
    // handle machinery (docs/design/0007-start-up.md).
    Optional<Path> suites = LoadCache.userFolder(environment);
    return suites.isPresent() ? Optional.of(suites.get().resolveSibling("documents")) : Optional.empty();
  }

  /**
   * Why {@code content}, the bytes of {@code file}, would not open as {@code format}, or empty if
   * it opens: as {@link Documents#whyUnreadable(Path, byte[], FileFormat)} says, without parsing
   * bytes that opened before with these readers.
   */
  public Optional<String> whyUnreadable(Path file, byte[] content, FileFormat format) {
    if (folder == null || !format.isBinary()) {
      return opener.whyUnreadable(file, content, format);
    }
    Content id = new Content(format.id(), sha256(content));
    if (known().contains(id) || added.contains(id)) {
      return Optional.empty();
    }
    Optional<String> why = opener.whyUnreadable(file, content, format);
    if (why.isEmpty()) {
      added.add(id);
    }
    return why;
  }

  /**
   * Writes what opened since this memory was read, with what the file holds now (another
   * command's), unless nothing was added. Never fails: a folder that cannot be written is left
   * as it is.
   */
  public void save() {
    if (folder == null || added.isEmpty()) {
      return;
    }
    Set<Content> kept = new LinkedHashSet<>(read());
    kept.addAll(known());
    synchronized (added) {
      kept.addAll(added);
    }
    CacheFile.replace(file(folder), encode(kept));
  }

  /** The file in the folder this memory is kept in. */
  static Path file(Path folder) {
    return folder.resolve(FILE_NAME);
  }

  private Set<Content> known() {
    Set<Content> read = known;
    if (read == null) {
      synchronized (this) {
        read = known;
        if (read == null) {
          read = read();
          known = read;
        }
      }
    }
    return read;
  }

  /** What the file holds for these readers, oldest first; empty if nothing usable. */
  private Set<Content> read() {
    try {
      byte[] bytes = Files.readAllBytes(file(folder));
      if (bytes.length < Long.BYTES) {
        return Set.of();
      }
      int end = bytes.length - Long.BYTES;
      if (checksum(bytes, end) != ByteBuffer.wrap(bytes, end, Long.BYTES).getLong()) {
        return Set.of();
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, end));
      if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT || !readText(in).equals(readersKey())) {
        return Set.of();
      }
      int count = readCount(in);
      Set<Content> contents = new LinkedHashSet<>(Math.max(16, count * 2));
      for (int i = 0; i < count; i++) {
        String format = in.readUTF();
        byte[] digest = new byte[32];
        in.readFully(digest);
        contents.add(new Content(format, digest));
      }
      return in.read() == -1 ? contents : Set.of();
    } catch (IOException | RuntimeException e) {
      // Missing, truncated, damaged or another program's: as if there were none.
      return Set.of();
    }
  }

  private byte[] encode(Set<Content> contents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + contents.size() * 40);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeInt(FORMAT);
      writeText(out, readersKey());
      int skip = Math.max(0, contents.size() - MAX_KEPT);
      out.writeInt(contents.size() - skip);
      for (Content content : contents) {
        if (skip > 0) {
          skip--;
          continue;
        }
        out.writeUTF(content.format);
        out.write(content.digest);
      }
    } catch (IOException e) {
      throw new IllegalStateException("an array in memory cannot fail to be written", e);
    }
    byte[] written = bytes.toByteArray();
    byte[] whole = Arrays.copyOf(written, written.length + Long.BYTES);
    ByteBuffer.wrap(whole, written.length, Long.BYTES).putLong(checksum(written, written.length));
    return whole;
  }

  /**
   * The code that decides whether bytes open: the documents module's, POI's and PDFBox's (one jar
   * when Parity runs from its own), and the Java version, whose image decoders read pictures.
   */
  private String readersKey() {
    return readersKey != null ? readersKey : ReadersKey.KEY;
  }

  /** Computed once a process, when the first document is looked up. */
  private static final class ReadersKey {
    static final String KEY = compute();

    private static String compute() {
      StringBuilder key = new StringBuilder("java ").append(Runtime.version()).append('\n')
          .append(CodeStamp.ofPackage(Documents.class));
      for (String library : new String[] {"org.apache.poi.ooxml.POIXMLDocument", "org.apache.poi.POIDocument",
          "org.apache.pdfbox.pdmodel.PDDocument"}) {
        try {
          key.append('\n').append(CodeStamp.of(Class.forName(library, false, Documents.class.getClassLoader())));
        } catch (ClassNotFoundException e) {
          key.append('\n').append(library).append(" missing");
        }
      }
      return key.toString();
    }
  }

  private static long checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * A format and the SHA-256 of bytes that opened as it. Equality written out: a record's is
   * bootstrapped through method handles on its first call.
   */
  private static final class Content {
    private final String format;
    private final byte[] digest;
    private final int hash;

    Content(String format, byte[] digest) {
      this.format = format;
      this.digest = digest;
      this.hash = 31 * format.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Content content && format.equals(content.format) && Arrays.equals(digest, content.digest);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
