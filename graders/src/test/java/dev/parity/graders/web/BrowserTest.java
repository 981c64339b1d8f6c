package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.judgments.Judgment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A grader in a real browser (Debian's headless Chromium through its chromedriver): signs in
 * through an invite link, grades three pairs by clicks and by keyboard, and the judgments land in
 * the store. Skipped, with a message, when Chromium is not installed here; in CI (CI=true) a
 * missing browser fails instead, since .ci/run installs it.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  @TempDir Path folder;
  AppFixture app;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() {
    CampaignFixture store = new CampaignFixture(folder.resolve("store"));
    browser = chromium(folder.resolve("chromium-profile"));
    app = new AppFixture(store, new CampaignSettings("browser", 1, 0, 3, true, 20), AppFixture.roster(1),
        store.candidates(CampaignFixture.tasks(3, CampaignFixture.ACCOUNTANTS, "t"), List.of("model-x")),
        DeliverableView.plain());
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /**
   * Debian's headless Chromium with its browser console recorded, a profile in {@code profile}.
   * Skips the test with a message when it is not installed here; in CI (CI=true) fails instead.
   */
  static WebDriver chromium(Path profile) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("CI must install the browser: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(present, "skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
        + " here (apt-get install -y chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** Signs {@code graderId} in through a fresh invite link and opens their first assignment. */
  static void signIn(WebDriver browser, WebDriverWait wait, AppFixture app, String graderId) {
    String token = app.store.accounts.invite(graderId, Duration.ofDays(1));
    browser.get(app.server.url() + "/invite/" + token);
    browser.findElement(By.name("password")).sendKeys(AppFixture.PASSWORD);
    browser.findElement(By.name("confirm")).sendKeys(AppFixture.PASSWORD);
    Clicks.click(wait, By.cssSelector("button[type=submit]"));
    Clicks.click(wait, By.id("start-next"));
  }

  /** Warnings and errors in the browser console: CSP violations, script errors. */
  static List<LogEntry> consoleProblems(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aGraderSignsInThroughAnInviteAndGradesThreePairsByClicksAndKeyboard() throws Exception {
    signIn(browser, wait, app, "acc1");

    // Pair 1, by clicks; the draft is saved as typed and survives a reload.
    String first = assignmentPage();
    assertThat(browser.findElements(By.cssSelector("#side-A .rendered pre"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#side-B .rendered pre"))).isNotEmpty();
    Clicks.click(wait, By.cssSelector("input[name=verdict][value=A]"));
    Clicks.click(wait, By.cssSelector("input[name=rubric_a][value=totals]"));
    browser.findElement(By.id("rationale")).sendKeys("A states the total and names its sources.");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "Draft saved"));
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("rationale")).getAttribute("value"))
        .isEqualTo("A states the total and names its sources.");
    assertThat(browser.findElement(By.cssSelector("input[name=verdict][value=A]")).isSelected()).isTrue();
    Clicks.click(wait, By.id("submit"));

    // Pair 2, by keyboard: 3 chooses B, r goes to the rationale, Ctrl+Enter submits.
    String second = nextAssignmentPage(first);
    Clicks.click(wait, By.tagName("h1"));
    new Actions(browser).sendKeys("3").perform();
    assertThat(browser.findElement(By.cssSelector("input[name=verdict][value=B]")).isSelected()).isTrue();
    new Actions(browser).sendKeys("r").perform();
    new Actions(browser).sendKeys("B is complete; A leaves out the sources entirely.").perform();
    new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

    // Pair 3: 2 for "as good as each other", a rationale typed, then the button.
    nextAssignmentPage(second);
    Clicks.click(wait, By.tagName("h1"));
    new Actions(browser).sendKeys("2").perform();
    browser.findElement(By.id("rationale")).sendKeys("Both give the same total with the same sources.");
    Clicks.click(wait, By.id("submit"));

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("all-done")));
    assertThat(browser.findElement(By.id("all-done")).getText()).contains("All 3 done");

    List<String> verdicts = new ArrayList<>();
    try (Connection c = app.store.database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT s.verdict, s.source, s.rubric_json FROM grading_submissions s"
            + " JOIN grading_assignments a ON a.id = s.assignment_id ORDER BY a.position")) {
      while (r.next()) {
        verdicts.add(r.getString(1) + "/" + r.getString(2));
        if (r.getString(1).equals("A")) {
          assertThat(r.getString(3)).isEqualTo("{\"A\":[\"totals\"],\"B\":[]}");
        }
      }
    }
    assertThat(verdicts).containsExactly("A/app", "B/app", "tie/app");
    List<Judgment> judgments = app.store.campaigns.judgments("browser");
    assertThat(judgments).hasSize(3).allSatisfy(j -> assertThat(j.grader()).isEqualTo("acc1"));
    assertThat(consoleProblems(browser)).as("browser console errors (CSP violations, script errors)").isEmpty();
  }

  private String assignmentPage() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grade")));
    return browser.getCurrentUrl();
  }

  private String nextAssignmentPage(String previous) {
    wait.until(d -> !d.getCurrentUrl().equals(previous) && !d.findElements(By.id("grade")).isEmpty());
    WebElement form = browser.findElement(By.id("grade"));
    assertThat(form.getAttribute("action")).doesNotContain(previous.substring(previous.lastIndexOf('/') + 1));
    return browser.getCurrentUrl();
  }
}
