package dev.parity.harness.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.ModelAnswer.AnswerFile;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folders of one command run: {@code work/} is the program's working folder, holding
 * {@code request.json}, {@code references/} and {@code out/}; its output logs live beside it, out
 * of the program's sight. {@link #close()} deletes everything.
 */
final class WorkFolder implements AutoCloseable {
  static final int FORMAT_VERSION = 1;
  static final String REQUEST_FILE = "request.json";
  static final String USAGE_FILE = "usage.json";
  static final String REFERENCES = "references";
  static final String OUT = "out";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final Path work;

  private WorkFolder(Path root) {
    this.root = root;
    this.work = root.resolve("work");
  }

  /** A fresh folder for {@code request}, with the references copied and {@code request.json} written. */
  static WorkFolder create(ModelRequest request, ModelConfig config) throws IOException {
    WorkFolder folder = new WorkFolder(Files.createTempDirectory("parity-command-"));
    try {
      Files.createDirectories(folder.work.resolve(REFERENCES));
      Files.createDirectories(folder.work.resolve(OUT));
      folder.writeRequest(request, config);
      return folder;
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
  }

  Path work() {
    return work;
  }

  Path requestFile() {
    return work.resolve(REQUEST_FILE);
  }

  Path out() {
    return work.resolve(OUT);
  }

  Path stdout() {
    return root.resolve("stdout.log");
  }

  Path stderr() {
    return root.resolve("stderr.log");
  }

  /** The usage report the program may leave beside {@code request.json}, or null. */
  JsonNode usageReport() throws IOException {
    Path file = work.resolve(USAGE_FILE);
    return Files.isRegularFile(file) ? MAPPER.readTree(file.toFile()) : null;
  }

  /** Every file the program left in {@code out/}, named by its path below it, in name order. */
  List<AnswerFile> deliverable() throws IOException {
    Path out = out();
    try (Stream<Path> files = Files.walk(out)) {
      List<AnswerFile> result = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = out.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        result.add(new AnswerFile(name, Files.readAllBytes(file)));
      }
      return result;
    }
  }

  private void writeRequest(ModelRequest request, ModelConfig config) throws IOException {
    ObjectNode json = MAPPER.createObjectNode()
        .put("format_version", FORMAT_VERSION)
        .put("task_id", request.taskId())
        .put("sample", request.sample())
        .put("system", request.system())
        .put("text", request.text());
    request.formats().stream().map(FileFormat::id).forEach(json.putArray("formats")::add);
    ArrayNode references = json.putArray("references");
    Set<String> used = new HashSet<>();
    for (Attachment attachment : request.attachments()) {
      String name = uniqueName(attachment, used);
      Files.copy(attachment.file(), work.resolve(REFERENCES).resolve(name));
      references.addObject()
          .put("name", attachment.name())
          .put("path", REFERENCES + "/" + name)
          .put("format", attachment.format().id())
          .put("media_type", attachment.format().mediaType())
          .put("sha256", attachment.sha256());
    }
    json.put("out_dir", OUT);
    json.put("timeout_seconds", request.timeout().toSeconds());
    ObjectNode parameters = json.putObject("parameters");
    ModelConfig.Parameters p = config.parameters();
    if (p.maxOutputTokens() != null) {
      parameters.put("max_output_tokens", p.maxOutputTokens());
    }
    if (p.temperature() != null) {
      parameters.put("temperature", p.temperature());
    }
    if (p.reasoningEffort() != null) {
      parameters.put("reasoning_effort", p.reasoningEffort());
    }
    if (p.seed() != null) {
      parameters.put("seed", p.seed());
    }
    Files.writeString(requestFile(), MAPPER.writeValueAsString(json), StandardCharsets.UTF_8);
  }

  /** The file name to copy a reference under: its own, made safe and unique within the folder. */
  private static String uniqueName(Attachment attachment, Set<String> used) {
    Path own = Path.of(attachment.name()).getFileName();
    String name = own == null || own.toString().startsWith(".") ? attachment.sha256() : own.toString();
    String candidate = name;
    for (int n = 2; !used.add(candidate); n++) {
      int dot = name.lastIndexOf('.');
      candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }
    return candidate;
  }

  /**
   * Deletes the folders. Never throws: the answer has been read by then, and a folder that cannot
   * be deleted (a file the program still holds open) is left in the system's temporary folder,
   * which the system cleans, rather than lose the answer over it.
   */
  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // left behind, as said above
    }
  }
}
