package dev.parity.graders.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes rendered deliverable HTML inert, whatever the renderer let through: jsoup's relaxed
 * safelist (no script, style, frame, form or event handler), classes kept for the stylesheet,
 * images only as {@code data:} URIs, and links without targets (a click in a deliverable must not
 * leave the page, or call anyone). Thread-safe.
 */
final class Sanitizer {
  private static final Safelist SAFELIST = Safelist.relaxed()
      .addAttributes(":all", "class")
      .removeAttributes("a", "href")
      .removeProtocols("img", "src", "http", "https")
      .addProtocols("img", "src", "data");
  private static final Cleaner CLEANER = new Cleaner(SAFELIST);

  private Sanitizer() {}

  static String clean(String html) {
    Document dirty = Jsoup.parseBodyFragment(html);
    Document clean = CLEANER.clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }
}
