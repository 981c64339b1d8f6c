package dev.parity.harness.agent;

import dev.parity.harness.client.ToolSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tools of an agent attempt. Their names and arguments are a public format (docs/agents.md):
 * a model's transcript, a replay and a report name them. {@link #LIST_FILES}, {@link #READ_FILE}
 * and {@link #SUBMIT} are always offered; the others are chosen with {@code --tools}.
 */
public enum AgentTool {
  /** {@code list_files {}}: the files in inputs/ and outputs/. */
  LIST_FILES("list_files", true, "List the files in the workspace: the task's files in inputs/ (read-only) and"
      + " what you made in outputs/.", "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"),
  /** {@code read_file {path}}: a file's text, Office and PDF files as their extracted text. */
  READ_FILE("read_file", true, "Read a file of the workspace as text (Word, Excel, PowerPoint and PDF files as"
      + " their extracted text). The path is relative to the working folder, e.g. inputs/brief.docx.",
      pathArgument("inputs/brief.docx")),
  /** {@code python {code}}: runs Python 3 code in the workspace. */
  PYTHON("python", false, "Run Python 3 code in the working folder (inputs/, outputs/; no network). Returns"
      + " stdout, stderr and the exit code. Libraries such as python-docx and openpyxl are installed.",
      "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"description\":\"a Python 3 program\"}},"
          + "\"required\":[\"code\"],\"additionalProperties\":false}"),
  /** {@code shell {command}}: runs a bash command in the workspace. */
  SHELL("shell", false, "Run a bash command in the working folder (inputs/, outputs/; no network). Returns"
      + " stdout, stderr and the exit code.",
      "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\",\"description\":\"a bash command line\"}},"
          + "\"required\":[\"command\"],\"additionalProperties\":false}"),
  /** {@code render {path}}: a document's pages as images (its text for models that take no images). */
  RENDER("render", false, "Look at a document as its reader would: returns the pages of a file (DOCX, XLSX, PPTX,"
      + " PDF, PNG, JPG) as images, e.g. render outputs/memo.docx to check your own output.",
      pathArgument("outputs/memo.docx")),
  /** {@code submit {}}: ends the attempt; the files in outputs/ are the deliverable. */
  SUBMIT("submit", true, "Hand in your work: the files in outputs/ are your deliverable. Ends the task.",
      "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");

  private final String id;
  private final boolean alwaysOn;
  private final ToolSpec spec;

  AgentTool(String id, boolean alwaysOn, String description, String parameters) {
    this.id = id;
    this.alwaysOn = alwaysOn;
    this.spec = new ToolSpec(id, description, parameters);
  }

  /** The schema of a tool whose one argument is a workspace path. */
  private static String pathArgument(String example) {
    return "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"e.g. "
        + example + "\"}},\"required\":[\"path\"],\"additionalProperties\":false}";
  }

  /** The tool's name as models call it, e.g. {@code read_file}. */
  public String id() {
    return id;
  }

  /** Whether every agent attempt has it, whatever {@code --tools} says. */
  public boolean alwaysOn() {
    return alwaysOn;
  }

  /** The tool as providers are told about it. */
  public ToolSpec spec() {
    return spec;
  }

  /** The tool called {@code id}, or empty. */
  public static Optional<AgentTool> fromId(String id) {
    return Arrays.stream(values()).filter(tool -> tool.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The names of the tools every agent attempt has, in this type's order. */
  public static List<String> alwaysOnNames() {
    return Arrays.stream(values()).filter(AgentTool::alwaysOn).map(AgentTool::id).toList();
  }

  /** The names of the tools {@code --tools} may choose, for error messages. */
  public static String choosable() {
    return Arrays.stream(values()).filter(tool -> !tool.alwaysOn).map(AgentTool::id).collect(Collectors.joining(", "));
  }
}
