package dev.parity.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile tool calls against the bubblewrap sandbox, one a test, with small limits so that each
 * ends quickly; nothing here measures time.
 */
class BubblewrapSandboxTest {
  // A generous wall time: a call that should end on its own must not be cut on a machine whose
  // cores are all busy. Only the calls meant to hit the wall use WALL_LIMITED.
  private static final SandboxLimits SMALL = new SandboxLimits(Duration.ofSeconds(60), Duration.ofSeconds(2),
      1L << 30, 32, 1_000_000, 50_000_000, 1_000);
  private static final SandboxLimits WALL_LIMITED = SMALL.withWallPerCall(Duration.ofSeconds(3));

  @TempDir Path temp;
  private Path root;
  private LocalSandboxBackend backend;
  private Sandbox sandbox;

  @BeforeEach
  void prepare() throws IOException {
    // JUnit's folder is closed to other users; the sandbox's user must pass through it.
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
    root = temp.resolve("sandboxes");
    backend = LocalSandboxBackend.bubblewrap(root);
    assertThat(backend.problem()).isEmpty();
    sandbox = backend.prepare(List.of(new SandboxBackend.InputFile("brief.txt",
        "Q3 numbers".getBytes(StandardCharsets.UTF_8))), SMALL);
  }

  @AfterEach
  void destroy() {
    sandbox.close();
  }

  @Test
  void aProgramReadsInputsAndWritesOutputsThatAreCopiedOut() throws Exception {
    Execution execution = sandbox.exec(List.of("/usr/bin/python3", "-"),
        "text = open('inputs/brief.txt').read()\nopen('outputs/memo.txt', 'w').write(text.upper())\nprint('done')\n");

    assertThat(execution.exitCode()).as(execution.stderr()).isZero();
    assertThat(execution.stdout()).isEqualTo("done\n");
    assertThat(sandbox.copyOut()).singleElement().satisfies(file -> {
      assertThat(file.path()).isEqualTo("memo.txt");
      assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("Q3 NUMBERS");
    });
    assertThat(sandbox.listFiles()).containsExactly("inputs/brief.txt", "outputs/memo.txt");
  }

  @Test
  void aListenerOnTheMachinesLoopbackSeesNothing() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Execution execution = sandbox.exec(List.of("/usr/bin/python3", "-c",
          "import socket\nsocket.create_connection(('127.0.0.1', " + listener.getLocalPort() + "), timeout=2)"), "");

      assertThat(execution.exitCode()).isNotZero();
      assertThat(execution.stderr()).contains("Connection refused");
      // A connection made during the call would wait in the listener's backlog by now.
      listener.setSoTimeout(1);
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void writesOutsideTheWorkspaceFailAndLeaveTheMachineAlone() throws Exception {
    Path outside = root.resolve("escaped.txt");
    Execution execution = sandbox.exec(List.of("/bin/sh", "-c",
        "for f in /usr/escaped /etc/escaped inputs/escaped " + outside + "; do echo x > $f && echo wrote $f; done;"
            + " ls /root " + System.getProperty("user.home") + " 2>&1; true"), "");

    assertThat(execution.stdout()).doesNotContain("wrote");
    assertThat(outside).doesNotExist();
    assertThat(Path.of("/usr/escaped")).doesNotExist();
    assertThat(sandbox.listFiles()).containsExactly("inputs/brief.txt");
  }

  @Test
  void theEnvironmentHoldsNoKeyAndNothingOfTheMachine() throws Exception {
    Execution execution = sandbox.exec(List.of("/usr/bin/env"), "");

    assertThat(execution.stdout().lines().map(line -> line.substring(0, line.indexOf('='))))
        .containsExactlyInAnyOrder("PATH", "LANG", "PYTHONDONTWRITEBYTECODE", "HOME", "TMPDIR", "PWD");
  }

  @Test
  void aForkBombIsHeldAtTheProcessLimitAndTheNextCallRuns() throws Exception {
    sandbox.close();
    sandbox = backend.prepare(List.of(), WALL_LIMITED);
    // The bomb's own shell returns as soon as its first job is started, so on its own it could end
    // (exit 0) before the tree reaches the limit; the shell then starts more long-lived processes
    // than the limit allows and waits for them, so the call ends only at the limit or the wall.
    Execution bomb = sandbox.exec(List.of("/bin/bash", "-c",
        "bomb() { bomb | bomb & }; bomb; for i in $(seq 64); do sleep 30 & done; wait"), "");

    assertThat(bomb.timedOut() || bomb.exitCode() != 0 || bomb.stderr().contains("fork")).isTrue();
    Execution next = sandbox.exec(List.of("/bin/sh", "-c", "echo alive"), "");
    assertThat(next.exitCode()).isZero();
    assertThat(next.stdout()).isEqualTo("alive\n");
  }

  @Test
  void endlessOutputIsCutAtTheLimit() throws Exception {
    Execution execution = sandbox.exec(List.of("/bin/sh", "-c", "yes | head -c 30000000"), "");

    assertThat(execution.stdout()).hasSize(SMALL.outputChars());
    assertThat(execution.stdoutTruncated()).isTrue();
    assertThat(execution.stderrTruncated()).isFalse();
  }

  @Test
  void aHugeFileStopsAtTheFileSizeLimit() throws Exception {
    Execution execution = sandbox.exec(List.of("/bin/sh", "-c", "head -c 10G /dev/zero > outputs/huge.bin"), "");

    assertThat(execution.exitCode()).isNotZero();
    assertThat(sandbox.copyOut()).singleElement()
        .satisfies(file -> assertThat(file.content().length).isLessThanOrEqualTo((int) SMALL.fileBytes()));
  }

  @Test
  void aWriterThatTriesToPassTheWorkspaceCapFailsAtTheCapDuringItsCall() throws Exception {
    long cap = 1_500_000;
    Sandbox small = backend.prepare(List.of(), new SandboxLimits(Duration.ofSeconds(60), Duration.ofSeconds(2),
        1L << 30, 32, 1_000_000, cap, 1_000));
    try (small) {
      // Each file is under the file-size limit; together they pass the cap, so only the cap stops them.
      Execution execution = small.exec(List.of("/bin/sh", "-c", "head -c 900000 /dev/zero > outputs/a.bin"
          + " && head -c 900000 /dev/zero > outputs/b.bin && echo both written"), "");

      assertThat(execution.exitCode()).isNotZero();
      assertThat(execution.stdout()).doesNotContain("both written");
      assertThat(execution.stderr()).contains("No space left on device");
      assertThat(execution.workspaceFull()).isTrue();
      long written = small.copyOut().stream().mapToLong(file -> file.content().length).sum();
      // tmpfs rounds its size up to whole pages.
      assertThat(written).isLessThanOrEqualTo(cap + 4096).isGreaterThan(cap - 2 * SandboxHolder.FULL_MARGIN);

      Execution freed = small.exec(List.of("/bin/sh", "-c", "rm outputs/b.bin && echo room > outputs/c.txt"), "");
      assertThat(freed.exitCode()).as(freed.stderr()).isZero();
      assertThat(freed.workspaceFull()).isFalse();
      assertThat(small.listFiles()).containsExactly("outputs/a.bin", "outputs/c.txt");
    }
  }

  @Test
  void scratchFilesCountAgainstTheCapToo() throws Exception {
    Sandbox small = backend.prepare(List.of(), new SandboxLimits(Duration.ofSeconds(60), Duration.ofSeconds(2),
        1L << 30, 32, 10_000_000, 1_000_000, 1_000));
    try (small) {
      Execution execution = small.exec(List.of("/bin/sh", "-c",
          "head -c 600000 /dev/zero > /tmp/scratch; head -c 600000 /dev/zero > home/more"), "");

      assertThat(execution.exitCode()).isNotZero();
      assertThat(execution.stderr()).contains("No space left on device");
      assertThat(execution.workspaceFull()).isTrue();
    }
  }

  @Test
  void theWorkspaceOutlivesEachCallButNothingACallStarted() throws Exception {
    Execution first = sandbox.exec(List.of("/bin/sh", "-c",
        "echo draft > home/notes.txt; echo kept > /tmp/kept; (sleep 100000 > /dev/null 2>&1 &); echo started"), "");
    assertThat(first.stdout()).isEqualTo("started\n");

    Execution second = sandbox.exec(List.of("/bin/sh", "-c",
        "cat home/notes.txt /tmp/kept; ps -e -o comm= | grep -c sleep || true"), "");

    assertThat(second.stdout()).isEqualTo("draft\nkept\n0\n");
  }

  @Test
  void sleepingForeverIsKilledAtTheWallTimeLimitWithWhatItStarted() throws Exception {
    sandbox.close();
    sandbox = backend.prepare(List.of(), WALL_LIMITED);
    Execution execution = sandbox.exec(List.of("/bin/sh", "-c", "sleep 100000 & echo started; sleep 100000"), "");

    assertThat(execution.timedOut()).isTrue();
    assertThat(execution.exitCode()).isEqualTo(-1);
    assertThat(execution.stdout()).isEqualTo("started\n");
    Execution next = sandbox.exec(List.of("/bin/sh", "-c", "ps -e -o comm= | grep -c sleep || true"), "");
    assertThat(next.stdout().strip()).isEqualTo("0");
  }

  @Test
  void linksOutOfTheWorkspaceAreNeitherReadNorCopiedOut() throws Exception {
    sandbox.exec(List.of("/bin/sh", "-c", "ln -s /etc/passwd outputs/passwd; mkdir outputs/d;"
        + " ln -s /etc outputs/etc"), "");

    assertThat(sandbox.copyOut()).isEmpty();
    assertThatThrownBy(() -> sandbox.read("outputs/passwd")).isInstanceOf(UnableToSandboxException.class)
        .hasMessageContaining("link");
    assertThatThrownBy(() -> sandbox.read("outputs/etc/passwd")).isInstanceOf(UnableToSandboxException.class);
    assertThatThrownBy(() -> sandbox.read("../../etc/passwd")).isInstanceOf(UnableToSandboxException.class);
  }

  @Test
  void programsOutsideTheToolsetAreNotInTheSandbox() throws Exception {
    List<String> elsewhere = List.of("/usr/bin/apt", "/usr/bin/apt-get", "/usr/bin/dpkg", "/usr/bin/gcc",
        "/usr/bin/perl", "/usr/bin/java", "/usr/bin/mvn", "/usr/bin/git", "/usr/bin/curl").stream()
        .filter(path -> Files.exists(Path.of(path))).toList();
    assertThat(elsewhere).as("a Debian machine has apt and dpkg").isNotEmpty();

    Execution execution = sandbox.exec(List.of("/bin/sh", "-c", "for p in " + String.join(" ", elsewhere)
        + "; do test -e $p && echo visible $p; done; for p in python3 bash sh setpriv prlimit; do command -v $p; done"), "");

    assertThat(execution.exitCode()).as(execution.stderr()).isZero();
    assertThat(execution.stdout()).doesNotContain("visible")
        .contains("/usr/bin/python3", "/usr/bin/bash", "/usr/bin/sh", "/usr/bin/setpriv", "/usr/bin/prlimit");
  }

  @Test
  void theDocumentLibrariesWorkWithOnlyTheToolsetShown() throws Exception {
    sandbox.close();
    // Importing pandas and matplotlib (which builds its font cache in a fresh home) takes seconds of CPU.
    sandbox = backend.prepare(List.of(), SandboxLimits.DEFAULTS);
    Execution execution = sandbox.exec(List.of("/usr/bin/python3", "-"), """
        import docx, openpyxl, pandas, matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        d = docx.Document(); d.add_paragraph("Q3 revenue rose 12%."); d.save("outputs/memo.docx")
        wb = openpyxl.Workbook(); ws = wb.active; ws["A1"] = 2; ws["A2"] = 3; ws["A3"] = "=SUM(A1:A2)"
        wb.save("outputs/sums.xlsx")
        frame = pandas.DataFrame({"quarter": ["Q1", "Q2"], "revenue": [10, 12]})
        plt.bar(frame["quarter"], frame["revenue"]); plt.savefig("outputs/chart.png")
        print("made")
        """);

    assertThat(execution.exitCode()).as(execution.stderr()).isZero();
    assertThat(execution.stdout()).isEqualTo("made\n");
    Map<String, byte[]> files = sandbox.copyOut().stream()
        .collect(java.util.stream.Collectors.toMap(Sandbox.WorkspaceFile::path, Sandbox.WorkspaceFile::content));
    assertThat(files).containsOnlyKeys("memo.docx", "sums.xlsx", "chart.png");
    try (var memo = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
        files.get("memo.docx")))) {
      assertThat(memo.getParagraphs().get(0).getText()).isEqualTo("Q3 revenue rose 12%.");
    }
    try (var sums = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
        files.get("sums.xlsx")))) {
      assertThat(sums.getSheetAt(0).getRow(2).getCell(0).getCellFormula()).isEqualTo("SUM(A1:A2)");
    }
    assertThat(files.get("chart.png")).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  @Test
  void theToolsetIsTheSystemsPythonWithItsDocumentLibraries() throws Exception {
    Toolset toolset = Toolset.probe(sandbox);

    assertThat(toolset.python()).matches("3\\.\\d+\\.\\d+");
    assertThat(toolset.libraries()).containsKeys("python-docx", "openpyxl", "reportlab", "matplotlib", "pandas",
        "python-pptx");
    assertThat(toolset.libraries().get("python-docx")).isNotNull();
    assertThat(toolset.libraries().get("openpyxl")).isNotNull();
    assertThat(toolset.toString()).startsWith("python 3.").contains("python-docx ", "openpyxl ");
  }

  @Test
  void doctorSeesAWorkingSandboxAndSaysWhatTheToolsetLacks() {
    List<dev.parity.core.doctor.Check> checks = SandboxChecks.of(backend);

    assertThat(checks).extracting(dev.parity.core.doctor.Check::name).containsExactly("sandbox", "toolset");
    dev.parity.core.doctor.CheckResult sandboxCheck = checks.get(0).run();
    assertThat(sandboxCheck.ok()).as(sandboxCheck.detail()).isTrue();
    assertThat(sandboxCheck.detail()).contains("bubblewrap");
    dev.parity.core.doctor.CheckResult toolset = checks.get(1).run();
    assertThat(toolset.detail()).contains("python-docx", "openpyxl");
    if (!toolset.ok()) {
      assertThat(toolset.detail()).contains("missing:");
      assertThat(toolset.fix()).isNotBlank();
    }
  }

  @Test
  void aBrokenSandboxIsReportedByDoctorWithItsFix() {
    SandboxBackend broken = new dev.parity.harness.testing.UnusableSandboxes("bubblewrap cannot start a program here: no user namespaces");

    dev.parity.core.doctor.CheckResult result = SandboxChecks.of(broken).get(0).run();

    assertThat(result.status()).isEqualTo(dev.parity.core.doctor.CheckResult.Status.BROKEN);
    assertThat(result.detail()).contains("no user namespaces");
    assertThat(result.fix()).contains("--unsafe-no-sandbox");
    assertThat(SandboxChecks.of(broken).get(1).run().ok()).isFalse();
  }

  @Test
  void destroyingTheSandboxDeletesItsWorkspace() throws IOException {
    Sandbox other = backend.prepare(List.of(), SMALL);
    other.close();

    try (var left = Files.list(root)) {
      assertThat(left).as("only the test's own sandbox is left").hasSize(1);
    }
  }
}
