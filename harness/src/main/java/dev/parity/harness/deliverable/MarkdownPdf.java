package dev.parity.harness.deliverable;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Markdown to PDF through HTML: CommonMark renders the Markdown to HTML (raw HTML escaped),
 * openhtmltopdf lays it out on A4 pages with PDFBox, embedding subsets of Unicode fonts for what
 * the standard PDF fonts cannot show ({@link PdfFonts}). No resource is ever loaded from outside:
 * images become their alternative text and every external access is refused. Thread-safe.
 */
final class MarkdownPdf {
  private static final HtmlRenderer HTML = HtmlRenderer.builder()
      .extensions(List.of(TablesExtension.create())).escapeHtml(true).sanitizeUrls(true).build();

  static {
    // openhtmltopdf logs its progress to the console through java.util.logging, whatever the
    // application chose; Parity needs none of it, and a failure surfaces as an exception.
    XRLog.setLoggingEnabled(false);
  }

  private MarkdownPdf() {}

  /**
   * A built PDF.
   *
   * @param bytes the PDF
   * @param unshowable the characters of its text that no embedded font has, which print as
   *     {@code #} (see {@link PdfFonts#unshowable})
   */
  record Built(byte[] bytes, List<Integer> unshowable) {}

  static Built build(String markdown) {
    Document html = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><style>"
        + css() + "</style></head><body></body></html>");
    html.body().html(HTML.render(Markdown.parse(markdown)));
    for (Element img : html.select("img")) {
      String alt = img.attr("alt");
      img.replaceWith(new Element("em").text("[image" + (alt.isBlank() ? "" : ": " + alt) + "]"));
    }
    for (Element a : html.select("a")) {
      if (!MarkdownDocx.isWebLink(a.attr("href"))) {
        a.unwrap();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      PdfFonts.register(builder);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withW3cDocument(new W3CDom().fromJsoup(html), null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Built(out.toByteArray(), PdfFonts.unshowable(html.body().wholeText()));
  }

  private static String css() {
    try (InputStream in = MarkdownPdf.class.getResourceAsStream("pdf.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
