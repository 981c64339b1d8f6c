package dev.parity.graders.web;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks for the browser tests. ChromeDriver may refuse to click an element found just after a
 * navigation ("Node with given id does not belong to the document": WorkBrowserTest failed so once
 * in CI on a quiet machine), the element may have been replaced since it was found, or not be
 * shown yet. Each time ChromeDriver refuses before it sends the click, so the element is found anew
 * and clicked again until the wait's timeout; a click the page received is never repeated.
 * After a click that navigates, the old element is gone the same two ways: stale, or (ChromeDriver
 * again, CI at 101ca37) "does not belong to the document".
 */
final class Clicks {
  private Clicks() {}

  /** Clicks the element {@code locator} finds, and returns it. */
  static WebElement click(WebDriverWait wait, By locator) {
    return wait.until(d -> {
      WebElement found = d.findElement(locator);
      try {
        found.click();
        return found;
      } catch (StaleElementReferenceException | ElementNotInteractableException e) {
        return null;
      } catch (WebDriverException e) {
        if (detached(e)) {
          return null;
        }
        throw e;
      }
    });
  }

  /**
   * Waits until {@code element} has left the page, as after a click that loads another one.
   * Selenium's {@code stalenessOf} counts only a stale element, and fails on the other answer.
   */
  static void gone(WebDriverWait wait, WebElement element) {
    wait.until(d -> {
      try {
        element.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (detached(e)) {
          return true;
        }
        throw e;
      }
    });
  }

  private static boolean detached(WebDriverException e) {
    return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
  }
}
