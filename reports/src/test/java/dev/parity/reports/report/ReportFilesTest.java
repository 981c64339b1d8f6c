package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's files are the same whichever threads write them, and a file that cannot be written is named. */
class ReportFilesTest {
  private final ForkJoinPool pool = new ForkJoinPool(2);

  @TempDir Path folder;

  @AfterEach
  void stopPool() {
    pool.shutdown();
  }

  @Test
  void filesWrittenOnTwoThreadsAreTheFilesWrittenOnOne() throws Exception {
    ReportInput input = SampleReports.input(false);
    Report report = Judgments.report(input);

    List<Path> onOne = ReportFiles.write(folder.resolve("one"), report, input, null, Runnable::run);
    List<Path> onTwo = ReportFiles.write(folder.resolve("two"), report, input, null, pool);

    assertThat(onTwo).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(ReportFiles.NAMES);
    for (int i = 0; i < onOne.size(); i++) {
      assertThat(Files.readAllBytes(onTwo.get(i))).isNotEmpty().isEqualTo(Files.readAllBytes(onOne.get(i)));
    }
  }

  @Test
  void aFileThatCannotBeWrittenOnAnotherThreadIsNamedInTheError() throws Exception {
    ReportInput input = new Judgments().human("t1", "m", "g", dev.parity.judgments.Outcome.WIN).input().build();
    Report report = Judgments.report(input);
    Files.createDirectories(folder.resolve("out/report.json"));

    assertThatThrownBy(() -> ReportFiles.write(folder.resolve("out"), report, input, null, pool))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("report.json");
  }

  @Test
  void judgmentsStartedBeforeTheReportAreTheFileWrittenWithIt() throws Exception {
    ReportInput input = SampleReports.input(false);
    Report report = Judgments.report(input);
    JudgmentsExport early = JudgmentsExport.start(folder.resolve("early"), input.judgments(), pool);

    List<Path> files = ReportFiles.write(folder.resolve("early"), report, input, null, pool, early);
    List<Path> together = ReportFiles.write(folder.resolve("together"), report, input, null, Runnable::run);

    assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(ReportFiles.NAMES);
    assertThat(Files.readAllBytes(files.get(3))).isNotEmpty().isEqualTo(Files.readAllBytes(together.get(3)));
    try (var left = Files.list(folder.resolve("early"))) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(ReportFiles.NAMES);
    }
  }

  @Test
  void aDiscardedExportLeavesNeitherItsFileNorTheFoldersItMade() throws Exception {
    ReportInput input = SampleReports.input(false);
    Path out = folder.resolve("new/report");

    JudgmentsExport.start(out, input.judgments(), pool).discard();

    assertThat(folder.resolve("new")).doesNotExist();
    assertThat(folder).isDirectory();
  }

  @Test
  void aDiscardedExportLeavesAFolderThatWasThereAsItWas() throws Exception {
    ReportInput input = SampleReports.input(false);
    Path out = Files.createDirectories(folder.resolve("out"));
    Files.writeString(out.resolve("judgments.csv"), "an earlier report's\n");

    JudgmentsExport.start(out, input.judgments(), pool).discard();

    try (var left = Files.list(out)) {
      assertThat(left).containsExactly(out.resolve("judgments.csv"));
    }
    assertThat(out.resolve("judgments.csv")).hasContent("an earlier report's");
  }
}
