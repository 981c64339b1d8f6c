package dev.parity.graders.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The safety every rendered fragment and page must have, checked on the parsed HTML. */
final class SafeHtml {
  private static final Set<String> FORBIDDEN_TAGS =
      Set.of("script", "iframe", "frame", "object", "embed", "link", "base", "form", "input", "svg", "math", "audio", "video", "a");

  private SafeHtml() {}

  static void assertSafeFragment(String fragment) {
    assertThat(fragment).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
        .doesNotContainIgnoringCase("<meta");
    assertSafeElements(Jsoup.parseBodyFragment(fragment));
  }

  static void assertSafePage(String page) {
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
