package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code parity demo --agent}, in-process, on the sample suite: a replayed agent makes a real DOCX in a sandbox. */
class AgentDemoTest {

  @Test
  void theAgentDemoMakesAWordDocumentInTheSandboxAndShowsEachTurn() throws Exception {
    Path suite = Path.of("").toAbsolutePath().getParent().resolve("suites/sample");

    CommandRun demo = CommandRun.of("demo", "--agent", "--suite", suite.toString());

    try {
      assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
      assertThat(demo.out()).contains("== 3. An agent run", "--tools python,shell")
          .contains("Run demo-agent completed: 1 of 1 attempts ended (1 completed")
          .contains("turn 1: I'll start with the case notes", "list_files -> inputs/case-notes.md")
          .contains("python -> exit code: 0", "submit -> submitted")
          .contains("card-dispute-reply: completed", "delivered reply-to-ms-whitfield.docx");
    } finally {
      Matcher db = Pattern.compile("--db (\\S+parity\\.db)").matcher(demo.out());
      if (db.find()) {
        try (var paths = Files.walk(Path.of(db.group(1)).getParent())) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }
}
