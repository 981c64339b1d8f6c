package dev.parity.graders.grading;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.documents.PageImage;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.Pages;
import dev.parity.documents.PdfPageRenderer;
import dev.parity.documents.UnableToRenderException;
import dev.parity.graders.blinding.Blinder;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.PageRender;
import dev.parity.graders.pages.RenderKey;
import dev.parity.graders.pages.RenderStatus;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.ImageTokens;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import dev.parity.harness.run.RunControl;
import dev.parity.harness.run.RunPlan;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.run.Runner;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.judgments.JudgeInputs;
import dev.parity.judgments.JudgmentStore;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model judge is shown what graders see: the blinded files' pages as images (or the PDF itself),
 * with their text, within the page budget, in each provider's own wire format; what was sent is
 * recorded with the call, and dry runs and budgets count the images' tokens.
 */
class JudgesSeePagesTest {
  private static final String AUTHOR = "Jane Doe";
  private static final String TIE = "{\"verdict\": \"tie\", \"rationale\": \"as good as each other\"}";
  private static final String MET = "{\"verdict\": \"met\", \"rationale\": \"it is there\"}";

  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private Store store;
  private Suite suite;
  private byte[] reference;
  private byte[] baseline;

  @BeforeEach
  void runOneTaskWhoseBaselineIsAThreePagePdf() throws Exception {
    server.start();
    reference = pdf(1, "Reference figures");
    baseline = pdf(3, "Professional report");
    Path task = Files.createDirectories(folder.resolve("suite/tasks/T0001"));
    Files.createDirectories(task.resolve("references"));
    Files.writeString(folder.resolve("suite/suite.json"), "{\"name\": \"pages\", \"version\": \"1.0\", \"format_version\": 1}");
    Files.write(task.resolve("references/figures.pdf"), reference);
    Files.write(task.resolve("baseline.pdf"), baseline);
    Files.writeString(task.resolve("task.json"), """
        {
          "id": "T0001", "title": "Report",
          "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
          "sector": "Finance and Insurance",
          "request": {"from": "Director", "text": "Write the quarter's report as a PDF."},
          "references": ["references/figures.pdf"],
          "deliverable": {"formats": ["pdf"]},
          "baseline": {"files": ["baseline.pdf"], "minutes": 60, "hourly_wage_usd": 50},
          "rubric": [{"id": "report", "criterion": "It is a report.", "points": 1}]
        }
        """);
    suite = SuiteLoader.create().load(folder.resolve("suite"));
    store = Store.open(folder.resolve("parity.db"));
    ModelConfig model = new ModelConfig("m", "fake", "m", null, null, null, null, null, null, false, null);
    FakeModelClient client = new FakeModelClient(model)
        .respond((request, call) -> FakeModelClient.answer("# Report\n\nThe model's report.", 10, 10));
    Runner.builder(store, config -> client).sleeper(new RecordingSleeper(new ManualClock())).build()
        .run(new RunPlan("r1", suite, List.of(model), RunSettings.DEFAULT), new RunControl());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    server.close();
  }

  @Test
  void anAnthropicJudgeSeesEveryPageOfBothSidesAndTheReferenceAsImagesOfTheBlindedFiles() throws Exception {
    ModelConfig judge = judge("anthropic", "claude-opus-4-1", "/", null, null);
    server.enqueue(anthropic(TIE));
    server.enqueue(anthropic(TIE));

    grade(judge, true, false, new PageOptions(20, 512), null);

    RecordedRequest first = server.takeRequest();
    JsonNode content = body(first).at("/messages/0/content");
    List<byte[]> images = new ArrayList<>();
    StringBuilder texts = new StringBuilder();
    for (JsonNode block : content) {
      texts.append(block.path("text").asText()).append('\n');
      if (block.path("type").asText().equals("image")) {
        assertThat(block.at("/source/type").asText()).isEqualTo("base64");
        assertThat(block.at("/source/media_type").asText()).isEqualTo("image/png");
        images.add(Base64.getDecoder().decode(block.at("/source/data").asText()));
      }
    }
    JudgeInputs inputs = calls().get(0).inputs();
    int modelPages = file(inputs, "deliverable A, file 2").pagesSent();
    assertThat(modelPages).as("the model's PDF is drawn too").isPositive();
    assertThat(images).as("the reference's page, the model's pages, the professional's three")
        .hasSize(1 + modelPages + 3);
    PageOptions options = new PageOptions(20, 512);
    List<PageImage> blindReference = drawBlind(reference, options).images();
    List<PageImage> blindBaseline = drawBlind(baseline, options).images();
    assertThat(images.get(0)).as("the page image is the blinded reference's first page").isEqualTo(blindReference.get(0).png());
    assertThat(images.get(images.size() - 1)).isEqualTo(blindBaseline.get(2).png());
    assertThat(ImageIO.read(new ByteArrayInputStream(images.get(1)))).satisfies(
        page -> assertThat(Math.max(page.getWidth(), page.getHeight())).isEqualTo(512));
    String text = texts.toString();
    assertThat(text).contains("=== ATTACHED FILE: reference-1-page-1.png ===",
        "=== ATTACHED FILE: deliverable-A-file-2-page-1.png ===",
        "=== ATTACHED FILE: deliverable-B-file-1-page-3.png ===",
        "pages 1 to 3 of 3 shown as the images deliverable-B-file-1-page-N.png", "Professional report page 2");
    assertThat(text).as("no original file name of a deliverable").doesNotContain("baseline.pdf");
    assertThat(inputs.renderer()).startsWith("PDFBox ");
    assertThat(inputs.files()).extracting(JudgeInputs.File::label, JudgeInputs.File::mode, JudgeInputs.File::pageCount,
        JudgeInputs.File::truncated).containsExactly(
        org.assertj.core.groups.Tuple.tuple("reference figures.pdf", JudgeInputs.Mode.PAGES, 1, false),
        org.assertj.core.groups.Tuple.tuple("deliverable A, file 1", JudgeInputs.Mode.TEXT, null, false),
        org.assertj.core.groups.Tuple.tuple("deliverable A, file 2", JudgeInputs.Mode.PAGES, modelPages, false),
        org.assertj.core.groups.Tuple.tuple("deliverable B, file 1", JudgeInputs.Mode.PAGES, 3, false));
    JsonNode second = body(server.takeRequest()).at("/messages/0/content");
    assertThat(second.toString()).as("the second order shows the professional's pages as A")
        .contains("pages 1 to 3 of 3 shown as the images deliverable-A-file-1-page-N.png");
  }

  @Test
  void anOpenAiJudgeGetsTheFirstPagesWithinTheBudgetAndTheCutIsRecorded() throws Exception {
    ModelConfig judge = judge("openai", "gpt-5", "/v1", null, null);
    server.enqueue(openAi(TIE));
    server.enqueue(openAi(TIE));

    grade(judge, true, false, new PageOptions(2, 400), null);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/responses");
    JsonNode content = body(request).at("/input/0/content");
    List<JsonNode> images = new ArrayList<>();
    content.forEach(part -> {
      if (part.path("type").asText().equals("input_image")) {
        images.add(part);
      }
    });
    String dataUrl = images.get(images.size() - 1).path("image_url").asText();
    assertThat(dataUrl).startsWith("data:image/png;base64,");
    byte[] last = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
    assertThat(last).as("the professional's second page, the last within the budget")
        .isEqualTo(drawBlind(baseline, new PageOptions(2, 400)).images().get(1).png());
    assertThat(content.toString()).contains("pages 1 to 2 of 3 shown as the images deliverable-B-file-1-page-N.png;"
        + " the rest is not shown as images").doesNotContain("deliverable-B-file-1-page-3.png");
    JudgeInputs.File professional = file(calls().get(0).inputs(), "deliverable B, file 1");
    assertThat(professional.pagesSent()).isEqualTo(2);
    assertThat(professional.pageCount()).isEqualTo(3);
    assertThat(professional.truncated()).isTrue();
    assertThat(calls().get(0).inputs().maxPages()).isEqualTo(2);
    assertThat(calls().get(0).inputs().longEdge()).isEqualTo(400);
  }

  @Test
  void aGeminiRubricJudgeGetsTheDeliverablesPagesAsInlineDataAndTheScoreRecordsThem() throws Exception {
    ModelConfig judge = judge("gemini", "gemini-2.5-pro", "/", null, null);
    server.enqueue(gemini(MET));
    server.enqueue(gemini(MET));

    grade(judge, false, true, PageOptions.DEFAULT, null);

    JsonNode parts = body(server.takeRequest()).at("/contents/0/parts");
    List<String> images = new ArrayList<>();
    parts.forEach(part -> {
      if (part.has("inline_data")) {
        assertThat(part.at("/inline_data/mime_type").asText()).isEqualTo("image/png");
        images.add(part.at("/inline_data/data").asText());
      }
    });
    assertThat(images).isNotEmpty();
    assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.get(0))))).isNotNull();
    assertThat(parts.toString()).contains("=== ATTACHED FILE: deliverable-file-1-page-1.png ===");
    assertThat(new JudgmentStore(store.database()).scores("r1"))
        .filteredOn(s -> !s.score().grader().equals("check"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.inputs().files()).filteredOn(f -> f.format().equals("pdf"))
            .extracting(JudgeInputs.File::mode).containsOnly(JudgeInputs.Mode.PAGES));
  }

  @Test
  void aJudgeThatTakesPdfsButNotImagesGetsTheStrippedPdfItself() throws Exception {
    ModelConfig judge = judge("openai", "gpt-5", "/v1", Set.of(InputKind.PDF), null);
    server.enqueue(openAi(TIE));
    server.enqueue(openAi(TIE));

    grade(judge, true, false, PageOptions.DEFAULT, null);

    JsonNode content = body(server.takeRequest()).at("/input/0/content");
    List<byte[]> pdfs = new ArrayList<>();
    content.forEach(part -> {
      assertThat(part.path("type").asText()).isNotEqualTo("input_image");
      if (part.path("type").asText().equals("input_file")) {
        String data = part.path("file_data").asText();
        pdfs.add(Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1)));
      }
    });
    assertThat(pdfs).hasSize(3);
    byte[] professional = pdfs.get(2);
    try (PDDocument sent = Loader.loadPDF(professional)) {
      assertThat(sent.getNumberOfPages()).isEqualTo(3);
      assertThat(sent.getDocumentInformation().getAuthor()).as("blinded: no author").isNull();
    }
    assertThat(new String(professional, StandardCharsets.ISO_8859_1)).doesNotContain(AUTHOR);
    assertThat(content.toString()).contains("attached as deliverable-B-file-1.pdf");
    assertThat(calls().get(0).inputs().files()).filteredOn(f -> f.format().equals("pdf"))
        .extracting(JudgeInputs.File::mode).containsOnly(JudgeInputs.Mode.PDF);
    assertThat(calls().get(0).inputs().renderer()).as("nothing was drawn").isNull();
  }

  @Test
  void aJudgeThatTakesNeitherIsSentOnePlainTextAndTheRecordSaysSo() throws Exception {
    ModelConfig judge = judge("openai-compatible", "qwen", "/v1", Set.of(), null);
    server.enqueue(chat(TIE));
    server.enqueue(chat(TIE));

    grade(judge, true, false, PageOptions.DEFAULT, null);

    JsonNode message = body(server.takeRequest()).at("/messages/0");
    assertThat(message.path("content").isTextual()).as("no parts: one plain string").isTrue();
    assertThat(message.path("content").asText()).contains("Professional report page 3");
    assertThat(calls().get(0).inputs().files()).extracting(JudgeInputs.File::mode, JudgeInputs.File::pagesSent)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(JudgeInputs.Mode.TEXT, 0));
  }

  @Test
  void aFileThatCannotBeDrawnGoesAsTextWithANoteSayingWhy() throws Exception {
    ModelConfig judge = judge("anthropic", "claude-opus-4-1", "/", null, null);
    server.enqueue(anthropic(TIE));
    server.enqueue(anthropic(TIE));
    PageRenderer hanging = new PageRenderer() {
      @Override
      public boolean handles(FileFormat format) {
        return true;
      }

      @Override
      public Pages render(FileFormat format, byte[] bytes, PageOptions options) {
        throw new UnableToRenderException("the converter did not answer within 60 s", null);
      }

      @Override
      public String version() {
        return "hanging 1.0";
      }
    };

    try (ModelCaller caller = caller(judge)) {
      new GradingPass(store, suite, "r1", caller, "judge", hanging, Clock.systemUTC(),
          options(true, false, PageOptions.DEFAULT, null)).grade();
    }

    JsonNode content = body(server.takeRequest()).at("/messages/0/content");
    assertThat(content.findValuesAsText("type")).doesNotContain("image");
    assertThat(content.toString()).contains("=== file 1 of 1 (pdf): could not be drawn (the converter did not"
        + " answer within 60 s); sent as text ===", "Professional report page 3");
    assertThat(calls().get(0).inputs().files()).filteredOn(f -> f.format().equals("pdf"))
        .allSatisfy(f -> {
          assertThat(f.mode()).isEqualTo(JudgeInputs.Mode.TEXT);
          assertThat(f.note()).startsWith("could not be drawn (the converter did not answer");
        });
    assertThat(calls().get(0).inputs().renderer()).isNull();
  }

  @Test
  void aDryRunCountsEveryPageImagesTokensByTheProvidersFormulaAndSendsNothing() throws Exception {
    PageOptions options = new PageOptions(20, 512);
    ModelConfig judge = judge("anthropic", "claude-opus-4-1", "/", null,
        new ModelConfig.Price(15, 75, null, "test"));

    GradingPass.Estimate estimate = GradingPass.estimate(store, suite, "r1", caller(judge), "anthropic:claude-opus-4-1",
        new PdfPageRenderer(), options(true, false, options, null));

    long perCall = 0;
    for (byte[] file : List.of(reference, baseline, modelDeliverable())) {
      for (PageImage page : drawBlind(file, options).images()) {
        perCall += ImageTokens.image(judge, page.width(), page.height());
      }
    }
    assertThat(estimate.calls()).as("both orders of one judgment").isEqualTo(2);
    assertThat(estimate.imageTokens()).isEqualTo(2 * perCall);
    assertThat(estimate.textTokens()).isPositive();
    assertThat(estimate.costUsd()).isCloseTo(
        ((estimate.textTokens() + estimate.imageTokens()) * 15 + 2 * Judge.ANSWER_TOKENS * 75) / 1e6,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(server.getRequestCount()).isZero();
    assertThat(calls()).isEmpty();
    assertThat(new JudgmentStore(store.database()).scores("r1")).isEmpty();
  }

  @Test
  void pagesDrawnForADryRunAreCachedWhereGradersFindThemAndNotDrawnAgainByThePass() throws Exception {
    ModelConfig judge = judge("anthropic", "claude-opus-4-1", "/", null, null);
    java.util.concurrent.atomic.AtomicInteger draws = new java.util.concurrent.atomic.AtomicInteger();
    PdfPageRenderer pdf = new PdfPageRenderer();
    PageRenderer counting = new PageRenderer() {
      @Override
      public boolean handles(FileFormat format) {
        return pdf.handles(format);
      }

      @Override
      public Pages render(FileFormat format, byte[] bytes, PageOptions options) {
        draws.incrementAndGet();
        return pdf.render(format, bytes, options);
      }

      @Override
      public String version() {
        return pdf.version();
      }
    };
    GradingPass.estimate(store, suite, "r1", caller(judge), "judge", counting, options(true, false, PageOptions.DEFAULT, null));
    int drawnForTheDryRun = draws.get();
    server.enqueue(anthropic(TIE));
    server.enqueue(anthropic(TIE));

    try (ModelCaller caller = caller(judge)) {
      new GradingPass(store, suite, "r1", caller, "judge", counting, Clock.systemUTC(),
          options(true, false, PageOptions.DEFAULT, null)).grade();
    }

    assertThat(drawnForTheDryRun).as("the reference, the model's PDF, the professional's PDF").isEqualTo(3);
    assertThat(draws.get()).as("the pass reads the cache").isEqualTo(3);
    PageRender professional = new PageCache(store.database(), Clock.systemUTC()).find(new RenderKey(
        dev.parity.store.BlobStore.sha256(baseline), FileFormat.PDF, pdf.version(), PageOptions.DEFAULT)).orElseThrow();
    assertThat(professional.status()).isEqualTo(RenderStatus.DONE);
    assertThat(professional.pages()).hasSize(3);
    assertThat(store.blobs().get(professional.pages().get(0).pngSha256()))
        .isEqualTo(drawBlind(baseline, PageOptions.DEFAULT).images().get(0).png());
  }

  @Test
  void aBudgetThatFitsTheTextButNotThePageImagesStopsTheJudgeBeforeItCalls() throws Exception {
    ModelConfig.Price price = new ModelConfig.Price(100, 0, null, "test");
    ModelConfig seeing = judge("anthropic", "claude-opus-4-1", "/", null, price);
    ModelConfig reading = judge("anthropic", "claude-opus-4-1", "/", Set.of(), price);
    GradingPass.Estimate withPages = GradingPass.estimate(store, suite, "r1", caller(seeing), "judge",
        new PdfPageRenderer(), options(true, false, PageOptions.DEFAULT, null));
    GradingPass.Estimate textOnly = GradingPass.estimate(store, suite, "r1", caller(reading), "judge",
        new PdfPageRenderer(), options(true, false, PageOptions.DEFAULT, null));
    assertThat(withPages.imageTokens()).isPositive();
    // Room for one text-only call, not for one call with its pages.
    double budget = (textOnly.textTokens() / 2.0 + withPages.imageTokens() / 4.0) * 100 / 1e6;

    GradingPass.Summary stopped = grade(seeing, true, false, PageOptions.DEFAULT, budget);

    assertThat(server.getRequestCount()).isZero();
    assertThat(stopped.stopReason()).isEqualTo("budget");
    server.enqueue(anthropic(TIE));
    server.enqueue(anthropic(TIE));
    grade(reading, true, false, PageOptions.DEFAULT, budget);
    assertThat(server.getRequestCount()).as("the same budget lets a text-only call through").isPositive();
  }

  private GradingPass.Summary grade(ModelConfig judge, boolean pairwise, boolean rubric, PageOptions pages,
      Double budgetUsd) throws Exception {
    try (ModelCaller caller = caller(judge)) {
      return new GradingPass(store, suite, "r1", caller, judge.provider() + ":" + judge.model(), new PdfPageRenderer(),
          Clock.systemUTC(), options(pairwise, rubric, pages, budgetUsd)).grade();
    }
  }

  private static GradingPass.Options options(boolean pairwise, boolean rubric, PageOptions pages, Double budgetUsd) {
    return new GradingPass.Options(rubric, pairwise, List.of(), 1, OrderSwap.Disagreement.TIE, budgetUsd, 1,
        Duration.ofMinutes(1), GradingPass.DEFAULT_SEED, pages);
  }

  private ModelConfig judge(String provider, String model, String path, Set<InputKind> accepts,
      ModelConfig.Price price) {
    return new ModelConfig("judge", provider, model, server.url(path).toString(), null, null, null, null, price,
        false, null, accepts);
  }

  private static ModelCaller caller(ModelConfig config) {
    return ModelCaller.create(TestClients.registry().create(config), config, 0, Clock.systemUTC(),
        new RecordingSleeper(new ManualClock()), new Random(1));
  }

  private List<JudgmentStore.JudgeCall> calls() {
    return new JudgmentStore(store.database()).calls("r1");
  }

  private byte[] modelDeliverable() {
    var attempt = store.attempts("r1").get(0);
    var pdf = store.files(attempt.key()).stream().filter(f -> f.name().endsWith(".pdf")).findFirst().orElseThrow();
    return store.blobs().get(pdf.sha256());
  }

  private static JudgeInputs.File file(JudgeInputs inputs, String label) {
    return inputs.files().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
  }

  private static Pages drawBlind(byte[] pdf, PageOptions options) {
    return new PdfPageRenderer().render(FileFormat.PDF, Blinder.strip(FileFormat.PDF, pdf), options);
  }

  /** A PDF of {@code pages} pages, each with a line of text and a filled box, by {@link #AUTHOR}. */
  private static byte[] pdf(int pages, String title) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getDocumentInformation().setAuthor(AUTHOR);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
          stream.setNonStrokingColor(new Color(40 * i, 90, 160));
          stream.addRect(72, 500, 300, 150);
          stream.fill();
          stream.beginText();
          stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
          stream.newLineAtOffset(72, 720);
          stream.showText(title + " page " + i);
          stream.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static MockResponse anthropic(String text) {
    ObjectNode answer = (ObjectNode) Fixtures.json("anthropic/messages-recorded-basic.exchange.json").at("/response/body");
    ((ObjectNode) answer.at("/content/0")).put("text", text);
    return json(200, answer.toString());
  }

  private static MockResponse openAi(String text) {
    ObjectNode answer = (ObjectNode) Fixtures.json("openai-responses/responses-recorded-basic.response.json");
    ((ObjectNode) answer.at("/output/0/content/0")).put("text", text);
    return json(200, answer.toString());
  }

  private static MockResponse gemini(String text) {
    ObjectNode answer = (ObjectNode) Fixtures.json("gemini/generatecontent-success-basic.response.json");
    ((ObjectNode) answer.at("/candidates/0/content/parts/0")).put("text", text);
    return json(200, answer.toString());
  }

  private static MockResponse chat(String text) {
    ObjectNode answer = (ObjectNode) Fixtures.json("openai-compatible/vllm-chat.response.constructed.json");
    ((ObjectNode) answer.at("/choices/0/message")).put("content", text);
    return json(200, answer.toString());
  }
}
