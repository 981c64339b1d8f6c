package dev.parity.tasks.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The content hash of a suite: sha256 over the canonical JSON of {@code suite.json} and of each
 * task (keys sorted, no whitespace, so reformatting a file does not change it) and over the
 * bytes of every file a task references, in a fixed order. Version 1 of the scheme; its name is
 * part of the hashed bytes so that a future scheme can never collide with it.
 */
public final class ContentHasher {
  private static final byte[] SCHEME = "parity-suite-hash-v1\n".getBytes(StandardCharsets.UTF_8);
  /** A plain factory, not a mapper: its generator writes the same bytes, without the mapper's start-up. */
  private static final JsonFactory CANONICAL = JsonFactory.builder().build();

  /**
   * What one task adds to the hash: its id, its canonical JSON, the files it references, the
   * folder they resolve against, and the bytes of those already read (by the path the task gives
   * them; a file not there is read when the hash is made).
   */
  public record TaskContent(String id, byte[] canonical, List<String> files, Path folder, Map<String, byte[]> read) {
    /** The content of a task whose files are read when the hash is made. */
    public TaskContent(String id, byte[] canonical, List<String> files, Path folder) {
      this(id, canonical, files, folder, Map.of());
    }

    /** The content of the task {@code json}, found in {@code folder}, with the bytes of the files {@code read} already. */
    public static TaskContent of(JsonNode json, Path folder, Map<String, byte[]> read) {
      return new TaskContent(json.path("id").asText(), ContentHasher.canonical(json), referencedFiles(json), folder, read);
    }
  }

  private ContentHasher() {}

  /** {@code sha256:<64 hex digits>}. */
  public static String hash(byte[] canonicalSuite, List<TaskContent> tasks) {
    MessageDigest digest = sha256();
    digest.update(SCHEME);
    field(digest, "suite", canonicalSuite);
    List<TaskContent> ordered = new ArrayList<>(tasks);
    ordered.sort(Comparator.comparing(TaskContent::id));
    for (TaskContent task : ordered) {
      field(digest, "task", task.canonical());
      for (String relative : task.files()) {
        field(digest, "file", relative.getBytes(StandardCharsets.UTF_8));
        byte[] read = task.read().get(relative);
        if (read != null) {
          // The same bytes as the file's below: its size, a zero, its content.
          digest.update(Integer.toString(read.length).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(read);
        } else {
          file(digest, task.folder().resolve(relative).normalize());
        }
      }
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  private static void file(MessageDigest digest, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to hash the suite", e);
    }
  }

  /** The files a task's references and baseline name, in the order they are hashed. */
  public static List<String> referencedFiles(JsonNode task) {
    TreeSet<String> files = new TreeSet<>();
    for (JsonNode reference : task.path("references")) {
      files.add(reference.isTextual() ? reference.asText() : reference.path("file").asText());
    }
    task.path("baseline").path("files").forEach(f -> files.add(f.asText()));
    return List.copyOf(files);
  }

  private static void field(MessageDigest digest, String name, byte[] value) {
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(value);
  }

  /**
   * Keys sorted at every level, numbers as written, no whitespace. Written straight to the
   * generator in key order rather than through a sorted copy of the tree: the same bytes, with
   * one pass and no copy per task.
   */
  public static byte[] canonical(JsonNode node) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator generator = CANONICAL.createGenerator(bytes)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    if (node.isObject()) {
      generator.writeStartObject();
      TreeSet<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        generator.writeFieldName(name);
        write(node.get(name), generator);
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (JsonNode element : node) {
        write(element, generator);
      }
      generator.writeEndArray();
    } else {
      scalar(node, generator);
    }
  }

  /** A value as the mapper's {@code writeTree} writes it: each node kind's {@code serialize}. */
  private static void scalar(JsonNode node, JsonGenerator generator) throws IOException {
    switch (node.getNodeType()) {
      case STRING -> generator.writeString(node.textValue());
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NULL -> generator.writeNull();
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> generator.writeNumber(node.intValue());
          case LONG -> generator.writeNumber(node.longValue());
          case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
          case FLOAT -> generator.writeNumber(node.floatValue());
          case DOUBLE -> generator.writeNumber(node.doubleValue());
          default -> generator.writeNumber(node.decimalValue());
        }
      }
      default -> throw new IllegalArgumentException("no canonical JSON for a " + node.getNodeType() + " node");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
