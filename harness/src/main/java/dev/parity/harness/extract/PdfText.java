package dev.parity.harness.extract;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF's text, page by page, each page after a {@code --- page N ---} line. */
final class PdfText {
  private PdfText() {}

  static String extract(Path file) throws IOException {
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        text.append("--- page ").append(page).append(" ---\n")
            .append(stripper.getText(document).strip()).append("\n\n");
      }
      return text.toString().strip();
    }
  }
}
