package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html in a real browser (Debian's headless Chromium through its chromedriver), opened from
 * a file URL as a reader opens an e-mailed report: the charts render, with real size and colour,
 * and no request leaves the page. Name resolution is switched off ({@code --host-resolver-rules}),
 * and Chrome's own network log (the performance log of DevTools events) must list no request but
 * the page's own file.
 *
 * <p>Skipped, with a message, when Chromium is not installed here; in CI (CI=true) a missing
 * browser fails instead, since .ci/run installs it.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  @TempDir Path folder;
  ChromeDriver browser;
  Path page;

  @BeforeEach
  void open() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("CI must install the browser: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(present, "skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
        + " here (apt-get install -y chromium chromium-driver)");
    ReportInput input = SampleReports.input(true);
    Report report = Report.compute(input, ReportSettings.defaults().withResamples(1_000), Runnable::run);
    page = ReportFiles.write(folder.resolve("report"), report, input, null, Runnable::run).get(0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + folder.resolve("profile"),
        "--window-size=1200,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    // The browser opens on its own new-tab page, with requests of its own: leave it, and drop
    // what it logged, so that the network log holds only what the report does.
    browser.get("about:blank");
    browser.manage().logs().get(LogType.PERFORMANCE);
    browser.get(page.toUri().toString());
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyChartRendersWithASizeAndTheSummaryChartShowsItsIntervalsAndParityLine() throws Exception {
    List<WebElement> charts = browser.findElements(By.tagName("svg"));
    assertThat(charts).hasSizeGreaterThan(20);
    for (WebElement chart : charts) {
      assertThat(chart.getSize().getWidth()).as(chart.getAttribute("aria-label")).isGreaterThan(100);
      assertThat(chart.getSize().getHeight()).as(chart.getAttribute("aria-label")).isGreaterThan(40);
    }
    WebElement headline = browser.findElement(By.cssSelector("#summary figure svg"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(headline.getScreenshotAs(OutputType.BYTES)));
    // 13 tasks are too few to tell: the intervals are drawn grey, dashed.
    assertThat(pixelsNear(image, 0x9aa5b1) + pixelsNear(image, 0x2f6fb0)).as("interval bars").isGreaterThan(100);
    assertThat(pixelsNear(image, 0xc0392b)).as("parity line").isGreaterThan(20);
    Files.write(folder.resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(ImageIO.read(folder.resolve("report.png").toFile()).getWidth()).isGreaterThan(800);
  }

  @Test
  void atAWindow1400PixelsWideEveryTableFitsWithoutAScrollbar() throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    browser.navigate().refresh();

    Object overflowing = ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('div.table')].filter(d => d.scrollWidth > d.clientWidth + 1)"
            + ".map(d => (d.closest('section') || {}).id + ': ' + d.querySelector('th').parentNode.innerText"
            + ".replace(/\\s+/g, ' ') + ' (' + d.scrollWidth + ' > ' + d.clientWidth + ')');");
    assertThat((List<?>) overflowing).isEmpty();
    Object viewport = ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
    assertThat(((Number) viewport).intValue()).isLessThanOrEqualTo(1400);
    if (System.getProperty("parity.report.screenshot") != null) {
      Files.copy(page, Path.of(System.getProperty("parity.report.screenshot")),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theExampleBannerIsTheFirstThingOnThePage() {
    WebElement banner = browser.findElement(By.id("example-data"));

    assertThat(banner.isDisplayed()).isTrue();
    assertThat(banner.getText()).startsWith("Example data — not real results");
    assertThat(banner.getLocation().getY()).isLessThan(
        browser.findElement(By.id("summary")).getLocation().getY());
  }

  @Test
  void noRequestLeavesThePage() throws Exception {
    Object resources = ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name);");
    assertThat((List<?>) resources).isEmpty();

    assertThat(requests()).containsExactly(page.toUri().toString());
  }

  @Test
  void theNetworkCheckSeesARequestWhenAPageMakesOne() throws Exception {
    Path leaky = Files.writeString(folder.resolve("leaky.html"),
        "<!DOCTYPE html><p>leaky</p><img src=\"http://parity-test.invalid/pixel.png\">");
    browser.manage().logs().get(LogType.PERFORMANCE);

    browser.get(leaky.toUri().toString());

    assertThat(requests()).contains("http://parity-test.invalid/pixel.png");
  }

  /** The URLs of every request the browser logged since the log was last read. */
  private List<String> requests() throws Exception {
    List<String> requested = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = json.readTree(entry.getMessage()).get("message");
      if (message.get("method").asText().equals("Network.requestWillBeSent")) {
        requested.add(message.get("params").get("request").get("url").asText());
      }
    }
    return requested;
  }

  private static int pixelsNear(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        int dr = ((p >> 16) & 0xff) - ((rgb >> 16) & 0xff);
        int dg = ((p >> 8) & 0xff) - ((rgb >> 8) & 0xff);
        int db = (p & 0xff) - (rgb & 0xff);
        if (dr * dr + dg * dg + db * db < 30 * 30) {
          count++;
        }
      }
    }
    return count;
  }
}
