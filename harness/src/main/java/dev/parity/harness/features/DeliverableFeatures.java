package dev.parity.harness.features;

import dev.parity.documents.DocumentFeatures;
import java.util.List;

/**
 * A deliverable's length and form: its files' {@link DocumentFeatures} added up, with its length
 * kept per unit (words of text, non-empty cells, slides, image files), since a word and a cell are
 * not the same amount of work.
 *
 * @param files how many files it has
 * @param words words of its documents' text (DOCX, PDF, Markdown, plain text, JSON)
 * @param cells non-empty cells of its tables (XLSX, CSV)
 * @param slides slides of its decks (PPTX)
 * @param imageFiles its image files (PNG, JPG)
 * @param tables tables, over all its files
 * @param headings headings, over all its files
 * @param pages pages, over all its files
 * @param images pictures, over all its files (an image file is one)
 */
public record DeliverableFeatures(
    int files, int words, int cells, int slides, int imageFiles, int tables, int headings, int pages, int images) {

  /** The features of a deliverable made of files with these features. */
  public static DeliverableFeatures of(List<DocumentFeatures> files) {
    int[] length = new int[DocumentFeatures.LengthUnit.values().length];
    int tables = 0;
    int headings = 0;
    int pages = 0;
    int images = 0;
    for (DocumentFeatures f : files) {
      length[f.unit().ordinal()] += f.length();
      tables += f.tables();
      headings += f.headings();
      pages += f.pages();
      images += f.images();
    }
    return new DeliverableFeatures(files.size(), length[DocumentFeatures.LengthUnit.WORDS.ordinal()],
        length[DocumentFeatures.LengthUnit.CELLS.ordinal()], length[DocumentFeatures.LengthUnit.SLIDES.ordinal()],
        length[DocumentFeatures.LengthUnit.IMAGES.ordinal()], tables, headings, pages, images);
  }
}
