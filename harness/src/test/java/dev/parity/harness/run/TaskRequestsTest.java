package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.ImageTokens;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.deliverable.DeliverableEnvelope;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import dev.parity.tasks.UnshownReference;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's size estimate counts each reference as the model is sent it: images by the provider's
 * formula; files the model is not shown are named in the request's text.
 */
class TaskRequestsTest {
  @TempDir Path folder;

  private static ModelConfig model(String provider, Set<InputKind> accepts) {
    return new ModelConfig(null, provider, "m", null, null, null, null, null, null, false, null, accepts);
  }

  @Test
  void imagesCountByTheProvidersFormulaAndPdfsSentAsFilesByTheirPages() throws IOException {
    Task withImage = task("chart", "chart.png");
    Task withPdf = task("report", "report.pdf");
    TaskRequests requests = new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1));
    ModelConfig textOnly = model("anthropic", Set.of());

    long anthropic = requests.estimatedInputTokens(withImage, model("anthropic", null));
    long gemini = requests.estimatedInputTokens(withImage, model("gemini", null));
    long text = requests.estimatedInputTokens(withImage, textOnly);

    assertThat(anthropic - text).as("1000 x 1000: 1000000 / 750").isEqualTo(1334);
    assertThat(gemini - text).as("four 768-px tiles of 258").isEqualTo(4 * 258);
    ModelConfig openAi = model("openai", null);
    assertThat(requests.estimatedInputTokens(withPdf, openAi) - requests.estimatedInputTokens(withPdf, textOnly))
        .as("two pages, each an image of a letter page")
        .isEqualTo(2 * ImageTokens.pdfPage(openAi, TaskRequests.PDF_PAGE_WIDTH, TaskRequests.PDF_PAGE_HEIGHT));
  }

  private Task task(String id, String reference) throws IOException {
    Path root = folder.resolve(id);
    Path dir = Files.createDirectories(root.resolve("tasks").resolve(id));
    Files.writeString(root.resolve("suite.json"), "{\"name\": \"" + id + "\", \"version\": \"1.0\"}");
    if (reference.endsWith(".png")) {
      ImageIO.write(new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(reference).toFile());
    } else {
      try (PDDocument pdf = new PDDocument()) {
        pdf.addPage(new PDPage());
        pdf.addPage(new PDPage());
        pdf.save(dir.resolve(reference).toFile());
      }
    }
    Files.writeString(dir.resolve("baseline.md"), "# Done\n");
    Files.writeString(dir.resolve("task.json"), """
        {
          "id": "%s", "title": "T",
          "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
          "sector": "Finance and Insurance",
          "request": {"from": "Director", "text": "Read it."},
          "references": ["%s"],
          "deliverable": {"formats": ["md"]},
          "baseline": {"files": ["baseline.md"], "minutes": 60, "hourly_wage_usd": 50},
          "rubric": [{"id": "r", "criterion": "It is done.", "points": 1}]
        }
        """.formatted(id, reference));
    return SuiteLoader.create().load(root).tasks().get(0);
  }

  private static Task withNotShown(List<UnshownReference> notShown) {
    return asking(List.of(FileFormat.MD), notShown);
  }

  private static Task asking(List<FileFormat> formats, List<UnshownReference> notShown) {
    return new Task("t1", "Review", new Occupation("Accountants and Auditors", "13-2011.00"), "Finance",
        new TaskRequest(null, "Please review the call and the workbook."), List.of(), notShown,
        new DeliverableSpec(formats, null), Baseline.NONE, List.of(), null, List.of(), Path.of("t1"));
  }

  @Test
  void eachRequestAsksForItsOwnTasksFormatsThoughTheInstructionsAreWrittenOncePerList() {
    TaskRequests requests = new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1));
    List<List<FileFormat>> asked = List.of(List.of(FileFormat.MD), List.of(FileFormat.DOCX, FileFormat.XLSX),
        List.of(FileFormat.MD), List.of(FileFormat.XLSX, FileFormat.DOCX));

    for (List<FileFormat> formats : asked) {
      assertThat(requests.request(asking(formats, List.of()), 0).system()).as("%s", formats)
          .endsWith(DeliverableEnvelope.instructions(formats));
    }
  }

  @Test
  void filesNotShownAreNamedInTheRequestSoTheModelKnowsTheyExist() {
    Task task = withNotShown(List.of(
        new UnshownReference("references/call recording.wav", null, UnshownReference.Reason.UNSUPPORTED_FORMAT, null),
        new UnshownReference("references/Population (4).xlsx", null, UnshownReference.Reason.MISSING, "https://x")));

    var request = new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1)).request(task, 0);

    assertThat(request.text()).endsWith("Also handed over, but not shown to you (a format that cannot be passed on,"
        + " or a missing file):\n- call recording.wav\n- Population (4).xlsx");
    assertThat(request.attachments()).isEmpty();
  }

  @Test
  void aTaskWhoseFilesAreAllShownSaysNothingMore() {
    assertThat(new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1)).request(withNotShown(List.of()), 0)
        .text()).isEqualTo("Please review the call and the workbook.");
  }
}
