package dev.parity.samplegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Provenance;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.SuiteValidation;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed sample suite is valid and is the suite the issue asks for. */
class SampleSuiteTest {
  private static final Set<String> GDPVAL_SECTORS = Arrays.stream(SampleOccupation.Sector.values())
      .map(SampleOccupation.Sector::title).collect(Collectors.toSet());
  private static final Set<String> FILE_KINDS = Set.of("pdf", "docx", "xlsx", "pptx", "csv", "md");
  private static Suite suite;

  @BeforeAll
  static void load() {
    SuiteValidation validation = SuiteLoader.create().validate(CommittedSuite.root());
    assertThat(validation.problems()).isEmpty();
    suite = validation.suite();
  }

  @Test
  void committedSuiteLoadsWithoutProblems() {
    assertThat(suite.name()).isEqualTo("sample");
    assertThat(suite.version()).isEqualTo("1.0.0");
    assertThat(suite.license()).isEqualTo("CC-BY-4.0");
    assertThat(suite.contentHash()).startsWith("sha256:");
  }

  @Test
  void suiteHasAtLeastTwelveTasksFromSixOccupationsInFourGdpvalSectors() {
    assertThat(suite.tasks()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(suite.tasks().stream().map(t -> t.occupation().soc()).distinct()).hasSizeGreaterThanOrEqualTo(6);
    Set<String> sectors = suite.tasks().stream().map(Task::sector).collect(Collectors.toSet());
    assertThat(sectors).hasSizeGreaterThanOrEqualTo(4);
    assertThat(GDPVAL_SECTORS).containsAll(sectors);
  }

  @Test
  void everyRubricHasFourToTenCriteriaWithMustHavesAndThereIsAPenalty() {
    for (Task task : suite.tasks()) {
      assertThat(task.rubric()).as(task.id()).hasSizeBetween(4, 10);
      assertThat(task.rubric()).as(task.id()).anyMatch(Criterion::required);
      assertThat(task.rubric()).as(task.id()).allMatch(c -> !c.tags().isEmpty());
    }
    assertThat(suite.tasks()).anyMatch(t -> t.rubric().stream().anyMatch(Criterion::isPenalty));
  }

  @Test
  void everyTaskIsAFabricatedRequestFromANamedRoleWithACostedBaseline() {
    for (Task task : suite.tasks()) {
      assertThat(task.request().from()).as(task.id()).isNotBlank();
      assertThat(task.request().text()).as(task.id()).hasSizeGreaterThan(400);
      assertThat(task.baseline().minutes().value()).as(task.id()).isBetween(30.0, 600.0);
      assertThat(task.baseline().hourlyWageUsd().value()).as(task.id()).isBetween(15.0, 80.0);
      assertThat(task.flags()).as("the sample suite is complete: %s", task.id()).isEmpty();
      assertThat(task.baseline().author()).as(task.id()).isNotBlank();
      assertThat(task.baseline().experienceYears()).as(task.id()).isPositive();
      assertThat(task.tags()).as(task.id()).isNotEmpty();
      Provenance provenance = task.provenance();
      assertThat(provenance.origin()).isEqualTo(Provenance.Origin.FABRICATED);
      assertThat(provenance.contributor()).isEqualTo("Parity sample suite");
      assertThat(provenance.license()).isEqualTo("CC-BY-4.0");
      assertThat(provenance.attestedNoConfidentialInfo()).isTrue();
      assertThat(provenance.date()).isEqualTo(LocalDate.of(2026, 11, 27));
      assertThat(provenance.rightsBasis()).isEqualTo(Provenance.RightsBasis.OWN_WORK);
      assertThat(provenance.consent()).contains("model providers");
      assertThat(provenance.notes()).contains("BLS OEWS").contains(task.occupation().soc().substring(0, 7));
    }
  }

  @Test
  void referencesAndBaselinesBetweenThemCoverPdfDocxXlsxPptxCsvAndMarkdown() {
    Set<String> references = suite.tasks().stream().flatMap(t -> t.references().stream()).map(Reference::format)
        .map(FileFormat::id).collect(Collectors.toSet());
    Set<String> baselines = suite.tasks().stream().flatMap(t -> t.baseline().files().stream())
        .map(f -> FileFormat.ofFileName(f).orElseThrow().id()).collect(Collectors.toSet());
    assertThat(references).containsAll(FILE_KINDS);
    assertThat(baselines).containsAll(FILE_KINDS);
  }

  @Test
  void theSixTasksTheIssueNamesAreThere() {
    assertThat(one(t -> t.occupation().soc().equals("39-6012.00"))).satisfies(t -> {
      assertThat(t.sector()).isEqualTo("Real Estate and Rental and Leasing");
      assertThat(t.request().from()).contains("Client Relationship Director");
      assertThat(t.request().text()).contains("yacht", "Bahamas", "day-by-day");
    });
    assertThat(one(t -> t.occupation().title().equals("Financial and Investment Analysts"))).satisfies(t -> {
      assertThat(t.references()).anyMatch(r -> r.format() == FileFormat.XLSX);
      assertThat(t.deliverable().formats()).containsAnyOf(FileFormat.XLSX, FileFormat.DOCX);
      assertThat(t.title()).containsIgnoringCase("variance");
    });
    assertThat(one(t -> t.occupation().title().equals("Registered Nurses")).title()).containsIgnoringCase("handout");
    assertThat(one(t -> t.occupation().soc().equals("23-2011.00"))).satisfies(t ->
        assertThat(t.references()).anyMatch(r -> r.format() == FileFormat.DOCX || r.format() == FileFormat.PDF));
    assertThat(one(t -> t.occupation().title().equals("Sales Managers")).deliverable().formats())
        .contains(FileFormat.PPTX);
    assertThat(one(t -> t.occupation().title().equals("Real Estate Sales Agents")).title())
        .containsIgnoringCase("listing");
  }

  private static Task one(Predicate<Task> which) {
    List<Task> matches = suite.tasks().stream().filter(which).toList();
    assertThat(matches).hasSize(1);
    return matches.get(0);
  }
}
