package dev.parity.harness.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.ParityException;
import dev.parity.documents.Documents;
import dev.parity.documents.PageImage;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.Pages;
import dev.parity.documents.FileFormat;
import dev.parity.documents.TextPiece;
import dev.parity.documents.UnableToExtractTextException;
import dev.parity.harness.client.ToolCall;
import dev.parity.harness.client.ToolResult;
import dev.parity.harness.sandbox.Execution;
import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.UnableToSandboxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the tool calls of one attempt in its sandbox. A call that cannot run (an unknown tool, a
 * tool not offered, arguments that are not the JSON object the tool takes, a file that is not
 * there) gets an error result the model reads, never an exception.
 */
final class ToolBox {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How much of a file read_file returns. */
  static final int READ_LIMIT_CHARS = 50_000;

  /** How many pages render shows. */
  static final int RENDER_PAGES = 5;

  private final List<AgentTool> offered;
  private final Sandbox sandbox;
  private final PageRenderer renderer;
  private final boolean images;

  /**
   * @param renderer draws pages for render; null when the run offers no render
   * @param images whether the model takes images (else render returns the file's text)
   */
  ToolBox(List<AgentTool> offered, Sandbox sandbox, PageRenderer renderer, boolean images) {
    this.offered = List.copyOf(offered);
    this.sandbox = sandbox;
    this.renderer = renderer;
    this.images = images;
  }

  ToolExecution execute(ToolCall call) throws InterruptedException {
    long start = System.nanoTime();
    Optional<AgentTool> tool = AgentTool.fromId(call.name()).filter(offered::contains);
    if (tool.isEmpty()) {
      return error(call, "unknown tool '" + call.name() + "'; the tools are "
          + offered.stream().map(AgentTool::id).collect(Collectors.joining(", ")), start);
    }
    JsonNode arguments;
    try {
      arguments = call.arguments().isBlank() ? JSON.createObjectNode() : JSON.readTree(call.arguments());
    } catch (JsonProcessingException e) {
      return error(call, "the arguments of " + call.name() + " are not JSON: " + e.getOriginalMessage(), start);
    }
    if (arguments == null || !arguments.isObject()) {
      return error(call, "the arguments of " + call.name() + " must be a JSON object, were " + call.arguments(), start);
    }
    try {
      return switch (tool.get()) {
        case LIST_FILES -> done(call, String.join("\n", sandbox.listFiles()), start);
        case READ_FILE -> read(call, text(arguments, "path"), start);
        case PYTHON -> run(call, List.of("/usr/bin/python3", "-"), text(arguments, "code"), start);
        case SHELL -> run(call, List.of("/bin/bash", "-c", text(arguments, "command")), "", start);
        case RENDER -> render(call, text(arguments, "path"), start);
        case SUBMIT -> new ToolExecution(new ToolResult(call, "submitted", false), null, since(start), true, false);
      };
    } catch (MissingArgumentException e) {
      return error(call, call.name() + " needs the argument '" + e.getMessage() + "' (a string)", start);
    } catch (UnableToSandboxException e) {
      return error(call, e.getMessage(), start);
    }
  }

  private ToolExecution run(ToolCall call, List<String> command, String stdin, long start)
      throws InterruptedException {
    Execution execution = sandbox.exec(command, stdin);
    StringBuilder out = new StringBuilder();
    if (execution.timedOut()) {
      out.append("killed at the wall-time limit of one call\n");
    } else {
      out.append("exit code: ").append(execution.exitCode()).append('\n');
    }
    section(out, "stdout", execution.stdout(), execution.stdoutTruncated());
    section(out, "stderr", execution.stderr(), execution.stderrTruncated());
    if (execution.workspaceFull()) {
      out.append("the workspace is full: writes past its size limit fail; delete files before writing more\n");
    }
    boolean failed = execution.timedOut() || execution.exitCode() != 0;
    return new ToolExecution(new ToolResult(call, out.toString(), failed), execution.timedOut() ? null
        : execution.exitCode(), since(start), false, execution.workspaceFull(), execution.resources());
  }

  private static void section(StringBuilder out, String name, String text, boolean truncated) {
    if (text.isEmpty() && !truncated) {
      return;
    }
    out.append(name).append(":\n").append(text);
    if (!text.endsWith("\n")) {
      out.append('\n');
    }
    if (truncated) {
      out.append("[").append(name).append(" cut at ").append(text.length()).append(" characters]\n");
    }
  }

  /**
   * A file's pages as images, for a model that takes images; its text, said so, for one that does
   * not. The bytes are stripped first, so that nothing in the file reaches outside while it is drawn.
   */
  private ToolExecution render(ToolCall call, String path, long start) {
    byte[] bytes = sandbox.read(path);
    Optional<FileFormat> format = FileFormat.ofFileName(path);
    if (format.isEmpty()) {
      return error(call, path + " is not a document Parity draws (" + FileFormat.knownIds() + ")", start);
    }
    if (!images) {
      ToolExecution text = read(call, path, bytes, start);
      return text.result().error() ? text : done(call, "(this model reads text, not images: the text of " + path
          + ")\n" + text.result().output(), start);
    }
    if (renderer == null || !renderer.handles(format.get())) {
      return error(call, "pages of " + format.get().id() + " files cannot be drawn here (no LibreOffice);"
          + " use read_file for its text", start);
    }
    try {
      Pages pages = renderer.render(format.get(), Documents.strip(format.get(), bytes),
          new PageOptions(RENDER_PAGES, PageOptions.DEFAULT.longEdge()));
      String output = path + ": " + pages.pageCount() + (pages.pageCount() == 1 ? " page" : " pages")
          + (pages.truncated() ? ", the first " + pages.images().size() + " shown" : ", shown") + " as images";
      return new ToolExecution(new ToolResult(call, output, false,
          pages.images().stream().map(PageImage::png).toList()), null, since(start), false, false);
    } catch (ParityException e) {
      return error(call, path + " could not be drawn: " + e.getMessage(), start);
    }
  }

  private ToolExecution read(ToolCall call, String path, long start) {
    return read(call, path, sandbox.read(path), start);
  }

  private ToolExecution read(ToolCall call, String path, byte[] bytes, long start) {
    Optional<FileFormat> format = FileFormat.ofFileName(path);
    String text;
    if (format.isPresent() && format.get().isImage()) {
      return error(call, path + " is an image: it holds no text to read", start);
    } else if (format.isPresent() && Documents.hasText(format.get())) {
      try {
        text = Documents.pieces(format.get(), bytes).stream().map(TextPiece::text).collect(Collectors.joining("\n"));
      } catch (UnableToExtractTextException e) {
        return error(call, path + " does not open as " + format.get().id() + ": " + e.getMessage(), start);
      }
    } else {
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    if (text.length() > READ_LIMIT_CHARS) {
      text = text.substring(0, READ_LIMIT_CHARS) + "\n[cut at " + READ_LIMIT_CHARS + " characters]";
    }
    return done(call, text, start);
  }

  private static String text(JsonNode arguments, String name) {
    JsonNode value = arguments.get(name);
    if (value == null || !value.isTextual()) {
      throw new MissingArgumentException(name);
    }
    return value.asText();
  }

  private static ToolExecution done(ToolCall call, String output, long start) {
    return new ToolExecution(new ToolResult(call, output, false), null, since(start), false, false);
  }

  private static ToolExecution error(ToolCall call, String message, long start) {
    return new ToolExecution(new ToolResult(call, "error: " + message, true), null, since(start), false, false);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** An argument the tool needs is missing or not a string; its message is the argument's name. */
  private static final class MissingArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingArgumentException(String name) {
      super(name, null, false, false);
    }
  }
}
