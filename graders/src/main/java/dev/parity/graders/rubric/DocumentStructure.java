package dev.parity.graders.rubric;

import dev.parity.documents.Documents;
import dev.parity.documents.SheetCell;
import java.util.List;
import java.util.Locale;

/**
 * Pages, headings and cells of delivered files as the checks count them: what the documents'
 * readers find in the file's structure, else what its text says.
 */
final class DocumentStructure {
  /** Words on a typical page of a business document, to estimate pages where none are stored. */
  static final int WORDS_PER_PAGE = 500;

  int pages(DeliverableContent.File file, String text) {
    return Documents.pages(file.path(), file.format()).orElseGet(() -> estimatedPages(text));
  }

  private static int estimatedPages(String text) {
    String stripped = text.strip();
    int words = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    return Math.max(words == 0 ? 0 : 1, (words + WORDS_PER_PAGE - 1) / WORDS_PER_PAGE);
  }

  /** The headings of the file's structure, or the Markdown headings in its text. */
  List<String> headings(DeliverableContent.File file, String text) {
    return Documents.headings(file.path(), file.format()).orElseGet(() -> text.lines().map(String::strip)
        .filter(l -> l.matches("#{1,6}\\s+.+"))
        .map(l -> l.replaceFirst("#{1,6}\\s+", "").replaceAll("\\s*#+$", ""))
        .toList());
  }

  DeliverableContent.CellValue cell(DeliverableContent.File file, String reference) {
    SheetCell cell = Documents.cell(file.path(), reference);
    return switch (cell.kind()) {
      case NO_SUCH_SHEET -> new DeliverableContent.CellValue(null,
          "no sheet named \"" + cell.text() + "\" in " + file.name());
      case BLANK -> new DeliverableContent.CellValue(null, "empty in " + file.name());
      case NUMBER -> new DeliverableContent.CellValue(cell.number(), "number");
      case TEXT -> {
        try {
          yield new DeliverableContent.CellValue(DocumentChecks.NumberNear.parse(cell.text().strip()), "text");
        } catch (NumberFormatException e) {
          yield new DeliverableContent.CellValue(null, "holds text \"" + cell.text() + "\", not a number");
        }
      }
      case UNCOMPUTED -> new DeliverableContent.CellValue(null, "holds " + cell.text() + " in " + file.name());
      case BOOLEAN, ERROR -> new DeliverableContent.CellValue(null, "holds " + cell.kind().name().toLowerCase(Locale.ROOT)
          + " " + cell.text() + ", not a number");
    };
  }
}
