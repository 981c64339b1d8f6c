package dev.parity.documents;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Element;

/**
 * PDF to HTML with PDFBox: the text of each page, in reading order. A PDF's look cannot be
 * rebuilt in HTML faithfully, so the rendering asks for the original to be offered beside it,
 * for the browser's own viewer; no script or embedded viewer is ever put on the page.
 */
final class PdfRenderer {
  static final String ORIGINAL_NOTE =
      "this is the text of the PDF; the original PDF is attached separately for the browser's own viewer";

  private PdfRenderer() {}

  static void render(byte[] bytes, Draft draft) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      int pages = pdf.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        Element section = draft.root.appendElement("section").addClass("part");
        section.appendElement("h2").addClass("part-label").text("Page " + page + " of " + pages);
        String text = PdfReader.page(stripper, pdf, page).strip();
        if (text.isEmpty()) {
          section.appendChild(Html.omitted("(no text on this page: it may be a picture; see the original)"));
        } else {
          section.appendElement("pre").text(text);
        }
      }
      draft.note(ORIGINAL_NOTE);
      draft.attachOriginal();
    }
  }
}
