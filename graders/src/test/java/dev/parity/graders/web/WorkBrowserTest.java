package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.IdentifyingFiles;
import dev.parity.graders.baseline.BaselineCampaigns;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.Role;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.HumanWork;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A professional in a real browser (Debian's headless Chromium): opens a task, starts the clock,
 * pauses, uploads two files, resumes and submits with the confirmation. The server's clock is the
 * test's, moved by hand between clicks, so the measured time is exact whatever the machine's load.
 * Skipped with a message when Chromium is not installed; in CI a missing browser fails.
 */
class WorkBrowserTest {
  @TempDir Path folder;
  CampaignFixture store;
  GradingServer server;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() {
    browser = BrowserTest.chromium(folder.resolve("chromium-profile"));
    store = new CampaignFixture(folder.resolve("store"));
    Task task = new Task("reconcile", "Reconcile the Q3 accounts", CampaignFixture.ACCOUNTANTS, "Finance",
        new TaskRequest("Finance Director", "Please reconcile Q3.\n\nSend a memo and the workbook."), List.of(),
        new DeliverableSpec(List.of(FileFormat.DOCX, FileFormat.XLSX), "A memo and a workbook"),
        new Baseline(List.of("baseline/memo.docx"), 60, 50, "someone", 12.0), List.of(), null, List.of(), null);
    Suite suite = new Suite("sample", "1.0", "test", "CC-BY-4.0", folder, List.of(task), "sha256:test");
    new BaselineCampaigns(store.database, store.clock).create("q3-baselines", suite, List.of(task),
        List.of(new Grader("pro", "Ana Ruiz", "ana@example.org", List.of("Accountants and Auditors"),
            EnumSet.of(Role.PROFESSIONAL), 40.0)), 1, 5);
    server = GradingServer.builder(store.database, store.blobs).clock(store.clock).listen("127.0.0.1", 0)
        .bcryptStrength(4).start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aProfessionalStartsPausesUploadsTwoFilesResumesAndSubmits() throws Exception {
    String token = store.accounts.invite("pro", Duration.ofDays(1));
    browser.get(server.url() + "/invite/" + token);
    browser.findElement(By.name("password")).sendKeys(AppFixture.PASSWORD);
    browser.findElement(By.name("confirm")).sendKeys(AppFixture.PASSWORD);
    Clicks.click(wait, By.cssSelector("button[type=submit]"));
    Clicks.click(wait, By.linkText("My tasks"));
    Clicks.click(wait, By.linkText("Open"));

    click("start");
    assertThat(clock()).isEqualTo("true");
    store.clock.advance(Duration.ofMinutes(10));
    click("pause");
    assertThat(activeMillis()).isEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(browser.findElement(By.id("work-status")).getText()).isEqualTo("paused");

    store.clock.advance(Duration.ofMinutes(30));
    Path memo = Files.write(folder.resolve("memo.docx"), IdentifyingFiles.docx());
    Path workbook = Files.write(folder.resolve("figures.xlsx"), IdentifyingFiles.xlsx());
    browser.findElement(By.id("files")).sendKeys(memo + "\n" + workbook);
    click("upload");
    assertThat(browser.findElement(By.id("uploads")).getText()).contains("memo.docx").contains("figures.xlsx");
    assertThat(activeMillis()).as("paused: the 30 minutes are not counted").isEqualTo(Duration.ofMinutes(10).toMillis());

    click("resume");
    store.clock.advance(Duration.ofMinutes(5));
    browser.findElement(By.id("notes")).sendKeys("Used last year's template.");
    Clicks.click(wait, By.id("ai-no"));
    browser.findElement(By.id("outside")).clear();
    browser.findElement(By.id("outside")).sendKeys("12");
    click("submit");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("handing-in")));
    assertThat(browser.findElement(By.id("handing-in")).getText()).contains("memo.docx").contains("figures.xlsx")
        .contains("0:15:00").contains("none");
    click("confirm");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("handed-in")));

    Store runs = new Store(store.database);
    Attempt attempt = runs.attempts("q3-baselines").get(0);
    assertThat(attempt.key().model()).isEqualTo("human:pro");
    assertThat(attempt.status()).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(runs.files(attempt.key())).extracting(AttemptFile::name)
        .containsExactlyInAnyOrder("memo.docx", "figures.xlsx");
    HumanWork work = runs.humanWork("q3-baselines").get(attempt.key());
    assertThat(work.measuredMinutes()).isEqualTo(15.0);
    assertThat(work.reportedMinutes()).isEqualTo(27.0);
    assertThat(work.pauses()).isEqualTo(1);
    assertThat(attempt.answer().costUsd()).isEqualTo(10.0);
    assertThat(BrowserTest.consoleProblems(browser)).as("browser console errors (CSP violations, script errors)").isEmpty();
  }

  /** Clicks a button that posts a form ({@link Clicks}), and waits for the page it leads to. */
  private void click(String id) {
    WebElement button = Clicks.click(wait, By.id(id));
    Clicks.gone(wait, button);
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private String clock() {
    return browser.findElement(By.id("work-clock")).getAttribute("data-running");
  }

  private long activeMillis() {
    return Long.parseLong(browser.findElement(By.id("work-clock")).getAttribute("data-active-ms"));
  }
}
