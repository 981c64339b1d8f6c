package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.ImageTokens;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request's size estimate counts each reference as the model is sent it: images by the provider's formula. */
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
}
