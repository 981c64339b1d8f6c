package dev.parity.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.PdfPageRenderer;
import dev.parity.harness.client.ToolCall;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.SandboxLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools on a real sandbox: what read_file and render give back for an Office file. */
class ToolBoxTest {
  private static final String WRITE_DOCX = "import docx\n"
      + "d = docx.Document()\nd.add_heading('Q3 review', 1)\nd.add_paragraph('Margins held.')\n"
      + "d.save('outputs/review.docx')\n";

  @TempDir Path folder;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
    sandbox = LocalSandboxBackend.bubblewrap(folder.resolve("sandboxes")).prepare(List.of(), SandboxLimits.DEFAULTS);
    assertThat(sandbox.exec(List.of("/usr/bin/python3", "-"), WRITE_DOCX).exitCode()).isZero();
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
  }

  @Test
  void readFileGivesAWordDocumentsTextThroughParitysReader() throws Exception {
    ToolExecution read = tools(true).execute(call("read_file", "{\"path\": \"outputs/review.docx\"}"));

    assertThat(read.result().error()).isFalse();
    assertThat(read.result().output()).contains("Q3 review", "Margins held.");
  }

  @Test
  void renderGivesAModelThatReadsOnlyTextTheFilesTextAndSaysSo() throws Exception {
    ToolExecution render = tools(false).execute(call("render", "{\"path\": \"outputs/review.docx\"}"));

    assertThat(render.result().images()).isEmpty();
    assertThat(render.result().output()).startsWith("(this model reads text, not images").contains("Margins held.");
  }

  @Test
  void renderWithoutAnOfficeRendererSaysSoAndPointsToReadFile() throws Exception {
    ToolExecution render = tools(true).execute(call("render", "{\"path\": \"outputs/review.docx\"}"));

    assertThat(render.result().error()).isTrue();
    assertThat(render.result().output()).contains("no LibreOffice", "read_file");
  }

  @Test
  void aFileOutsideTheWorkspaceIsAToolError() throws Exception {
    ToolExecution read = tools(true).execute(call("read_file", "{\"path\": \"/etc/passwd\"}"));

    assertThat(read.result().error()).isTrue();
    assertThat(read.result().output()).startsWith("error: /etc/passwd is not in the workspace");
  }

  private ToolBox tools(boolean images) {
    return new ToolBox(List.of(AgentTool.values()), sandbox, new PdfPageRenderer(), images);
  }

  private static ToolCall call(String name, String arguments) {
    return new ToolCall("call_1", name, arguments);
  }
}
