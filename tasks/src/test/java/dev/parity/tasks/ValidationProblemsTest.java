package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.TestBytes;
import dev.parity.documents.testing.TestDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of problem `parity validate` reports, at the position where it is. */
class ValidationProblemsTest {
  @TempDir Path root;

  private final SuiteLoader loader = SuiteLoader.create();

  private SuiteFolder suite() {
    return SuiteFolder.withMinimalTask(root);
  }

  private List<Problem> problems() {
    return loader.validate(root).problems();
  }

  /** The one problem found, checked to be at the first character of {@code marker} in the file. */
  private Problem onlyProblemAt(Path file, String marker) {
    List<Problem> problems = problems();
    assertThat(problems).as("problems: %s", problems).hasSize(1);
    Problem problem = problems.get(0);
    assertThat(problem.file()).isEqualTo(file);
    String text = SuiteFolder.read(file);
    int offset = text.indexOf(marker);
    assertThat(offset).as("marker %s in %s", marker, file).isNotNegative();
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    int column = offset - text.lastIndexOf('\n', offset - 1);
    assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
    assertThat(problem.column()).as("column of %s", problem).isEqualTo(column);
    return problem;
  }

  @Test
  void aValidSuiteHasNoProblems() {
    suite();
    assertThat(problems()).isEmpty();
  }

  @Test
  void malformedJsonGivesTheParsersPositionNotAStackTrace() {
    SuiteFolder suite = suite().edit("expense-summary", "\"sector\":", "\"sector\" ");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"Professional");

    assertThat(problem.message()).startsWith("malformed JSON: Unexpected character");
  }

  @Test
  void anUnknownFieldIsAnErrorWithADidYouMeanForANearMiss() {
    SuiteFolder suite = suite().edit("expense-summary", "\"hourly_wage_usd\": 42.5", "\"hourly_wage\": 42.5");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
        "unknown field \"hourly_wage\" in baseline; did you mean \"hourly_wage_usd\"?",
        "missing required field \"baseline.hourly_wage_usd\"");
    Problem unknown = problems.stream().filter(p -> p.message().startsWith("unknown")).findFirst().orElseThrow();
    String text = SuiteFolder.read(suite.taskFile("expense-summary"));
    assertThat(unknown.line()).isEqualTo(9);
    assertThat(unknown.column()).isEqualTo(text.split("\n")[8].indexOf("\"hourly_wage\"") + 1);
  }

  @Test
  void anUnknownTopLevelFieldFarFromAnyKnownOneGetsNoSuggestion() {
    SuiteFolder suite = suite().edit("expense-summary", "\"sector\"", "\"colour\": \"blue\", \"sector\"");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"colour\"");

    assertThat(problem.message()).isEqualTo("unknown field \"colour\"");
  }

  @Test
  void theIdMustEqualTheFolderName() {
    SuiteFolder suite = suite().edit("expense-summary", "\"id\": \"expense-summary\"", "\"id\": \"expenses\"");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"expenses\"");

    assertThat(problem.message()).contains("id \"expenses\" does not match its folder name \"expense-summary\"");
  }

  @Test
  void aContributedTaskMustStateConsentAndARightsBasis() {
    SuiteFolder suite = suite().edit("expense-summary", "\"rubric\":",
        "\"provenance\": {\"origin\": \"contributed\", \"contributor\": \"J. Doe\"}, \"rubric\":");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::message).containsExactly(
        "a contributed task needs provenance.consent: the contributor's statement that it may be shared with "
            + "model providers and graders",
        "a contributed task needs provenance.rights_basis: own_work, rights_holder_permission, licensed or "
            + "public_domain");
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(suite.taskFile("expense-summary")));
  }

  @Test
  void aContributedTaskWithConsentAndARightsBasisIsValidAndReadsBack() {
    suite().edit("expense-summary", "\"rubric\":", "\"provenance\": {\"origin\": \"contributed\", "
        + "\"consent\": \"I agree to its being shared.\", \"rights_basis\": \"own_work\"}, \"rubric\":");

    Provenance provenance = loader.load(root).tasks().get(0).provenance();

    assertThat(provenance.consent()).isEqualTo("I agree to its being shared.");
    assertThat(provenance.rightsBasis()).isEqualTo(Provenance.RightsBasis.OWN_WORK);
  }

  @Test
  void aLicensedRightsBasisNamesTheLicence() {
    SuiteFolder suite = suite().edit("expense-summary", "\"rubric\":",
        "\"provenance\": {\"origin\": \"adapted\", \"rights_basis\": \"licensed\"}, \"rubric\":");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"licensed\"");

    assertThat(problem.message()).isEqualTo("provenance.rights_basis is licensed: name the licence in provenance.license");
  }

  @Test
  void anUnknownRightsBasisIsASchemaError() {
    suite().edit("expense-summary", "\"rubric\":",
        "\"provenance\": {\"origin\": \"adapted\", \"rights_basis\": \"mine\"}, \"rubric\":");

    assertThat(problems()).extracting(Problem::message).singleElement().asString().contains("rights_basis");
  }

  @Test
  void aMissingReferencedFileIsReportedWhereItIsNamed() {
    SuiteFolder suite = suite().edit("expense-summary", "\"references\": []", "\"references\": [\"references/q3.xlsx\"]");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"references/q3.xlsx\"");

    assertThat(problem.message()).startsWith("file not found: \"references/q3.xlsx\"");
  }

  @Test
  void absolutePathsAndParentFolderPathsAreRejected() {
    SuiteFolder suite = suite().edit("expense-summary", "\"references\": []",
        "\"references\": [\"/etc/passwd\", {\"file\": \"../other/summary.md\"}, \"c:notes.md\","
            + " \"references\\\\..\\\\..\\\\x.md\", \"references/a..b.md\"]");

    assertThat(problems()).extracting(Problem::message).containsExactly(
        "\"/etc/passwd\" is an absolute path; give a path relative to the task folder",
        "\"../other/summary.md\" must not use \"..\": files must be inside the task folder",
        "\"c:notes.md\" is an absolute path; give a path relative to the task folder",
        "\"references\\..\\..\\x.md\" must not use \"..\": files must be inside the task folder",
        "file not found: \"references/a..b.md\" (looked in "
            + suite.taskFile("expense-summary").resolveSibling("references/a..b.md") + ")");
    assertThat(problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(suite.taskFile("expense-summary")));
  }

  @Test
  void aLinkThatLeadsOutsideTheTaskFolderIsRejected() throws IOException {
    Path outside = Files.writeString(root.resolve("secret.md"), "outside");
    SuiteFolder suite = suite().edit("expense-summary", "\"references\": []", "\"references\": [\"references/link.md\"]");
    Path link = root.resolve("tasks/expense-summary/references/link.md");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, outside);

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"references/link.md\"");

    assertThat(problem.message()).contains("is a link that leads outside the task folder");
  }

  @Test
  void aFolderIsNotARegularFile() throws IOException {
    SuiteFolder suite = suite().edit("expense-summary", "\"references\": []", "\"references\": [\"references/data.csv\"]");
    Files.createDirectories(root.resolve("tasks/expense-summary/references/data.csv"));

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"references/data.csv\"");

    assertThat(problem.message()).isEqualTo("\"references/data.csv\" is not a regular file");
  }

  @Test
  void aFileOfUnknownFormatIsRejected() {
    SuiteFolder suite = suite()
        .file("expense-summary", "references/data.xyz", "x")
        .edit("expense-summary", "\"references\": []", "\"references\": [\"references/data.xyz\"]");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"references/data.xyz\"");

    assertThat(problem.message()).startsWith("\"references/data.xyz\" has an unknown format; known extensions: md, txt, docx");
  }

  @Test
  void aReferenceThatDoesNotOpenAsItsFormatIsReportedWhereItIsNamed() {
    SuiteFolder suite = suite()
        .file("expense-summary", "references/q3.xlsx", "not a workbook")
        .edit("expense-summary", "\"references\": []", "\"references\": [\"references/q3.xlsx\"]");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"references/q3.xlsx\"");

    assertThat(problem.message()).startsWith("\"references/q3.xlsx\" does not open as xlsx: ");
  }

  @Test
  void referencesThatOpenWithTheRunsReadersAndPicturesPass() throws IOException {
    SuiteFolder suite = suite().edit("expense-summary", "\"references\": []",
        "\"references\": [\"references/memo.docx\", {\"file\": \"references/deck.pptx\"}, \"references/logo.png\"]");
    Path references = Files.createDirectories(suite.taskFile("expense-summary").resolveSibling("references"));
    TestDocuments.docx(references);
    TestDocuments.pptx(references);
    Files.write(references.resolve("logo.png"), TestBytes.image("png"));

    assertThat(problems()).isEmpty();
  }

  @Test
  void aPictureThatDoesNotDecodeIsReported() {
    SuiteFolder suite = suite()
        .file("expense-summary", "references/logo.png", "\u0001\u0002\u0003")
        .edit("expense-summary", "\"references\": []", "\"references\": [\"references/logo.png\"]");

    Problem problem = onlyProblemAt(suite.taskFile("expense-summary"), "\"references/logo.png\"");

    assertThat(problem.message()).isEqualTo("\"references/logo.png\" does not open as png: not a png image");
  }

  @Test
  void baselineFilesAreOpenedWithTheGradersReadersToo() throws IOException {
    SuiteFolder suite = suite();
    Path baseline = suite.taskFile("expense-summary").resolveSibling("baseline");
    Files.createDirectories(baseline);
    Files.move(TestDocuments.pdf(baseline), baseline.resolve("summary.xlsx"));
    Path docx = TestDocuments.docx(baseline);
    Files.write(docx, Arrays.copyOf(Files.readAllBytes(docx), 300));
    suite.edit("expense-summary", "\"baseline/summary.md\"", "\"baseline/summary.xlsx\", \"baseline/memo.docx\"");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::message).satisfiesExactly(
        pdf -> assertThat(pdf).startsWith("\"baseline/summary.xlsx\" does not open as xlsx: "),
        memo -> assertThat(memo).startsWith("\"baseline/memo.docx\" does not open as docx: "));
  }

  @Test
  void aFileOverTheSizeLimitIsRejected() {
    SuiteFolder suite = suite().file("expense-summary", "baseline/summary.md", "x".repeat(2048));

    List<Problem> problems = SuiteLoader.create().withMaxFileBytes(1024).validate(root).problems();

    assertThat(problems).extracting(Problem::message)
        .containsExactly("\"baseline/summary.md\" is 2.0 KB, over the limit of 1.0 KB");
    assertThat(problems.get(0).file()).isEqualTo(suite.taskFile("expense-summary"));
  }

  @Test
  void baselineMinutesAndWageMustBePositive() {
    SuiteFolder suite = suite()
        .edit("expense-summary", "\"minutes\": 45", "\"minutes\": -5")
        .edit("expense-summary", "\"hourly_wage_usd\": 42.5", "\"hourly_wage_usd\": 0");

    List<Problem> problems = problems();

    assertThat(problems).hasSize(2);
    assertThat(problems).extracting(Problem::message).containsExactly(
        "baseline.minutes: must be greater than 0 (got -5)",
        "baseline.hourly_wage_usd: must be greater than 0 (got 0)");
    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isEqualTo(9));
  }

  @Test
  void aMissingBaselineIsReported() {
    suite().edit("expense-summary",
        "\"baseline\": {\"files\": [\"baseline/summary.md\"], \"minutes\": 45, \"hourly_wage_usd\": 42.5},", "");

    assertThat(problems()).extracting(Problem::message).containsExactly("missing required field \"baseline\"");
  }

  @Test
  void rubricIdsMustBeUniqueAndPointsNonZeroWithOnePositive() {
    SuiteFolder suite = suite().edit("expense-summary", "\"points\": 2}",
        "\"points\": -2}, {\"id\": \"totals\", \"criterion\": \"Again\", \"points\": 0}");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::message).containsExactly(
        "the rubric needs at least one criterion with positive points",
        "duplicate rubric id \"totals\"",
        "rubric[1].points must not be zero (positive points reward, negative points penalise)");
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(suite.taskFile("expense-summary")));
  }

  @Test
  void anUnknownDeliverableFormatListsTheKnownOnes() {
    suite().edit("expense-summary", "\"formats\": [\"md\"]", "\"formats\": [\"odt\"]");

    assertThat(problems()).extracting(Problem::message).containsExactly(
        "deliverable.formats[0]: \"odt\" is not one of md, txt, docx, xlsx, pptx, pdf, csv, json, png, jpg");
  }

  @Test
  void wrongTypesAreReportedWithTheFieldPath() {
    suite().edit("expense-summary", "\"minutes\": 45", "\"minutes\": \"45\"");

    assertThat(problems()).hasSize(1);
    assertThat(problems().get(0).message()).isEqualTo("baseline.minutes: must be a number or an object, not a string \"45\"");
  }

  @Test
  void duplicateKeysAreReported() {
    suite().edit("expense-summary", "\"title\": \"Quarterly", "\"title\": \"A\", \"title\": \"Quarterly");

    assertThat(problems()).extracting(Problem::message).containsExactly("duplicate key \"title\"");
  }

  @Test
  void suiteLevelProblemsNameTheFileWithoutAPosition() throws IOException {
    Files.createDirectories(root.resolve("tasks/no-json-here"));
    Files.writeString(root.resolve("tasks/stray.txt"), "x");

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::toString).containsExactly(
        root.resolve("suite.json") + ": missing suite.json",
        root.resolve("tasks/no-json-here") + ": missing task.json",
        root.resolve("tasks/stray.txt") + ": not a task folder: tasks/ holds one folder per task");
  }

  @Test
  void problemsInSeveralFilesAreAllReportedInOnePass() throws IOException {
    SuiteFolder suite = suite().edit("expense-summary", "\"minutes\": 45", "\"minutes\": 0");
    suite.task("second", SuiteFolder.MINIMAL_TASK.replace("\"expense-summary\"", "\"second\""));
    Files.writeString(root.resolve("suite.json"), "{\"name\": \"Bad Name\", \"version\": \"1\", \"licence\": \"x\"}");

    List<Problem> problems = problems();

    assertThat(problems).extracting(p -> root.relativize(p.file()).toString()).containsExactly(
        "suite.json", "suite.json", "tasks/expense-summary/task.json", "tasks/second/task.json");
    assertThat(problems.get(1).message()).isEqualTo("unknown field \"licence\"; did you mean \"license\"?");
    assertThat(problems.get(3).message()).startsWith("file not found: \"baseline/summary.md\"");
  }

  @Test
  void rubricChecksAreValidatedByTheInstalledValidatorAtTheirPosition() {
    SuiteFolder suite = suite().edit("expense-summary", "\"points\": 2}",
        "\"points\": 2, \"check\": {\"type\": \"contain\"}}");
    SuiteLoader strict = SuiteLoader.create().withCheckValidator(check ->
        check.path("type").asText().equals("contains") ? java.util.Optional.empty()
            : java.util.Optional.of("unknown check type \"" + check.path("type").asText() + "\""));

    List<Problem> problems = strict.validate(root).problems();

    assertThat(problems).extracting(Problem::message)
        .containsExactly("rubric[0].check: unknown check type \"contain\"");
    assertThat(problems.get(0).line()).isEqualTo(10);
    assertThat(SuiteLoader.create().validate(root).problems()).as("any check object by default").isEmpty();
  }
}
