package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code parity demo} as a newcomer runs it, in its own process with {@code PARITY_HOME} at the
 * repository (as the launcher sets it): it ends with the report of its run, made with the example
 * judgments and saying so.
 */
class DemoReportTest {

  @Test
  void theDemoEndsWithAReportOfItsRunLabelledAsExampleData() throws Exception {
    Path repository = Path.of("").toAbsolutePath().getParent();
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "demo"))
        .redirectErrorStream(true);
    builder.environment().put("PARITY_HOME", repository.toString());
    Process demo = builder.start();
    String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(demo.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(demo.exitValue()).as(out).isZero();
    assertThat(out).contains("== 8. The report of the run, with example judgments")
        .contains("EXAMPLE DATA: this report is computed from example data, not real results.")
        .contains("example-model: score ").contains("GDPval's win-or-tie rate");
    Matcher open = Pattern.compile("open (\\S+report\\.html)").matcher(out);
    assertThat(open.find()).as(out).isTrue();
    Path page = Path.of(open.group(1));
    try {
      String html = Files.readString(page);
      assertThat(html).contains("id=\"example-data\"").contains("Example data — not real results");
      String json = Files.readString(page.resolveSibling("report.json"));
      assertThat(json).contains("\"run_ids\" : [ \"demo\" ]").contains("\"kind\" : \"model_human\"");
      assertThat(Files.readAllLines(page.resolveSibling("attempts.csv"))).hasSize(14);
    } finally {
      deleteAll(page.getParent().getParent());
    }
  }

  /** The demo's own temporary folder (store, blobs, report), removed after the test. */
  private static void deleteAll(Path folder) throws Exception {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
