package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.PageOptions;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.graders.testing.FakePageRenderers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page view in a real browser (Debian's headless Chromium): pages still being drawn appear
 * without a reload (what the grader typed stays), the text tab, zoom, and A and B kept at the
 * same page while one scrolls, all under the app's Content-Security-Policy.
 */
class PagesBrowserTest {
  @TempDir Path folder;
  FakePageRenderers.Held renderer = new FakePageRenderers.Held(true, "test 1");
  WebDriver browser;
  RenderQueue queue;
  AppFixture app;
  WebDriverWait wait;

  @BeforeEach
  void start() {
    browser = BrowserTest.chromium(folder.resolve("chromium-profile"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    CampaignFixture store = new CampaignFixture(folder.resolve("store"));
    queue = new RenderQueue(new PageCache(store.database, store.clock), store.blobs, new RenderedView(), renderer,
        new PageOptions(6, 500), 1);
    Candidate candidate = new Candidate(CampaignFixture.task("t1", CampaignFixture.ACCOUNTANTS), "model-x", 0, "a",
        List.of(CampaignFile.put(store.blobs, "answer.pdf",
            FakePageRenderers.pdf("Model page 1", "Model page 2", "Model page 3", "Model page 4"), null)),
        List.of(CampaignFile.put(store.blobs, "baseline.pdf",
            FakePageRenderers.pdf("Expert page 1", "Expert page 2", "Expert page 3", "Expert page 4"), null)),
        List.of());
    app = new AppFixture(store, new CampaignSettings("pages", 1, 0, 7, false, 20), AppFixture.roster(1),
        List.of(candidate), new RenderedView(), queue);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    renderer.release();
    if (app != null) {
      app.close();
    }
    if (queue != null) {
      queue.close();
    }
  }

  @Test
  void pagesDrawnWhileTheGraderReadsAppearInPlaceAndScrollInStep() {
    BrowserTest.signIn(browser, wait, app, "acc1");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grade")));

    // Still drawing: the grader reads the text tab and starts typing; the pages come without a reload.
    assertThat(browser.findElement(By.id("pages-A-1-view")).getText()).contains("Rendering…");
    Clicks.click(wait, By.cssSelector("label[for=pages-A-1-tab-text]"));
    assertThat(browser.findElement(By.cssSelector("#pages-A-1 .panel-text")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector("#pages-A-1 .panel-pages")).isDisplayed()).isFalse();
    wait.until(ExpectedConditions.textMatches(By.cssSelector("#pages-A-1 .panel-text"),
        java.util.regex.Pattern.compile("(Model|Expert) page 1")));
    browser.findElement(By.id("rationale")).sendKeys("Typed while the pages were drawn");
    renderer.release();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pages-A-1-view[data-status=done]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pages-B-1-view[data-status=done]")));
    assertThat(browser.findElement(By.id("rationale")).getAttribute("value")).isEqualTo("Typed while the pages were drawn");
    Clicks.click(wait, By.cssSelector("label[for=pages-A-1-tab-pages]"));
    assertThat(browser.findElements(By.cssSelector("#side-A img.page"))).hasSize(4);
    assertThat(browser.findElements(By.cssSelector("#side-B img.page"))).hasSize(4);
    wait.until(d -> (Boolean) js("return Array.from(document.querySelectorAll('img.page'))"
        + ".every(function (i) { return i.complete && i.naturalWidth > 0; })"));

    // Zoom applies to both sides.
    Clicks.click(wait, By.cssSelector("button[data-zoom='1']"));
    assertThat(browser.findElement(By.id("sides")).getAttribute("class")).contains("zoom-125");
    assertThat(browser.findElement(By.id("zoom-level")).getText()).isEqualTo("125%");
    Clicks.click(wait, By.cssSelector("button[data-zoom='-1']"));

    // Scrolling A to its third page brings B to its third page.
    js("var side = document.getElementById('side-A'); var page = document.getElementById('pages-A-1-p3');"
        + " side.scrollTop += page.getBoundingClientRect().top - side.getBoundingClientRect().top + 5;");
    wait.until(d -> "pages-B-1-p3".equals(topPage("side-B")));
    // A thumbnail of B jumps B to that page, and A follows.
    Clicks.click(wait, By.cssSelector("#side-B .thumbs a[href='#pages-B-1-p2']"));
    wait.until(d -> "pages-A-1-p2".equals(topPage("side-A")));

    // Unticked, the sides scroll on their own.
    Clicks.click(wait, By.id("keep-in-step"));
    js("var side = document.getElementById('side-A'); var page = document.getElementById('pages-A-1-p4');"
        + " side.scrollTop += page.getBoundingClientRect().top - side.getBoundingClientRect().top + 5;");
    assertThat(topPage("side-A")).isEqualTo("pages-A-1-p4");
    assertThat(topPage("side-B")).isEqualTo("pages-B-1-p2");
    assertThat(BrowserTest.consoleProblems(browser)).as("browser console errors (CSP violations, script errors)")
        .isEmpty();
  }

  /** The id of the page image at the top of a side's scroll area. */
  private String topPage(String side) {
    return (String) js("var side = document.getElementById('" + side + "'); var top = side.getBoundingClientRect().top;"
        + " var pages = side.querySelectorAll('img.page');"
        + " for (var i = 0; i < pages.length; i++) { if (pages[i].getBoundingClientRect().bottom > top + 1) {"
        + " return pages[i].id; } } return null;");
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }
}
