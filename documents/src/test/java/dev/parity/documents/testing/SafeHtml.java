package dev.parity.documents.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.Rendering;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The safety every rendered fragment and page must have, checked on the parsed HTML; a sample memo to render. */
public final class SafeHtml {
  /** A memo in Markdown with a heading, bold text, a link, a nested list and a table. */
  public static final String MEMO = """
      # Vendor review

      We compared **three vendors**. See [the tender](https://example.org/tender).

      - Acme is cheapest
        - by 12%
      - Globex has the best support

      | Vendor | Cost |
      |---|---|
      | Acme | 1,200 |
      """;

  private static final Set<String> FORBIDDEN_TAGS =
      Set.of("script", "iframe", "frame", "object", "embed", "link", "base", "form", "input", "svg", "math", "audio", "video", "a");

  private SafeHtml() {}

  /** The body of a readable rendering, once its fragment and its page are checked to be safe. */
  public static Element safeBody(Rendering rendering) {
    assertThat(rendering.readable()).isTrue();
    assertSafeFragment(rendering.fragment());
    assertSafePage(rendering.page("Deliverable A"));
    return Jsoup.parseBodyFragment(rendering.fragment()).body();
  }

  public static void assertSafeFragment(String fragment) {
    assertThat(fragment).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
        .doesNotContainIgnoringCase("<meta");
    assertSafeElements(Jsoup.parseBodyFragment(fragment));
  }

  public static void assertSafePage(String page) {
    Document doc = Jsoup.parse(page);
    assertThat(page).doesNotContainIgnoringCase("<script");
    assertThat(doc.select("style").html()).doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import");
    assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'");
    assertSafeElements(doc);
  }

  private static void assertSafeElements(Document doc) {
    for (Element element : doc.getAllElements()) {
      assertThat(FORBIDDEN_TAGS).as("tag <%s>", element.tagName()).doesNotContain(element.tagName());
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase();
        String value = attribute.getValue().toLowerCase();
        assertThat(name).as("attribute on <%s>", element.tagName()).doesNotStartWith("on").isNotIn("style", "href", "srcset", "action", "formaction", "background");
        if (name.equals("src")) {
          assertThat(value).as("img src").startsWith("data:image/");
        } else if (!(element.tagName().equals("meta") && name.equals("content"))) {
          assertThat(value).as("%s on <%s>", name, element.tagName())
              .doesNotContain("http:").doesNotContain("https:").doesNotContain("javascript:").doesNotContain("//").doesNotContain("url(");
        }
      }
    }
  }
}
