package dev.parity.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's text, page by page: as one text with a {@code --- page N ---} line before each page
 * (in reading order), or as one piece per page. Stateless and thread-safe.
 */
final class PdfText {
  private PdfText() {}

  static String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        text.append("--- page ").append(page).append(" ---\n")
            .append(page(stripper, document, page).strip()).append("\n\n");
      }
      return text.toString().strip();
    }
  }

  static List<TextPiece> pieces(byte[] bytes) throws IOException {
    List<TextPiece> out = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        TextPiece.add(out, "page " + page, page(stripper, pdf, page));
      }
    }
    return out;
  }

  static int pageCount(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return pdf.getNumberOfPages();
    }
  }

  /** The text of one page (numbered from 1), as {@code stripper} reads it. */
  static String page(PDFTextStripper stripper, PDDocument document, int page) throws IOException {
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document);
  }
}
