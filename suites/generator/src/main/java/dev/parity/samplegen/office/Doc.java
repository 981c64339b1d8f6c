package dev.parity.samplegen.office;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text document as a list of blocks, written once and rendered to DOCX, PDF or Markdown by
 * {@link DocxWriter}, {@link PdfWriter} and {@link MarkdownWriter}.
 *
 * <p>Paragraph, list and table text may mark bold spans with {@code **…**}, as in Markdown;
 * nothing else is interpreted. Immutable; build one with {@link #titled}.
 *
 * @param title the document's title, shown at the top and stored in its properties
 * @param author who the document's properties name as its author
 * @param date the document's creation date, fixed so that output is reproducible
 * @param blocks the content, in order
 */
public record Doc(String title, String author, LocalDate date, List<Block> blocks) {

  public Doc {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(date, "date");
    blocks = List.copyOf(blocks);
  }

  /** One piece of a document's content. */
  public sealed interface Block permits Heading, Paragraph, ListBlock, Table, PageBreak {}

  /** A heading; level 1 is a section, 2 a subsection, 3 a minor heading. */
  public record Heading(int level, String text) implements Block {
    public Heading {
      if (level < 1 || level > 3) {
        throw new IllegalArgumentException("heading level must be 1 to 3, was " + level);
      }
    }
  }

  /** A paragraph; {@code small} paragraphs are notes and fine print. */
  public record Paragraph(String text, boolean small) implements Block {}

  /** A bulleted or numbered list of one-paragraph items. */
  public record ListBlock(boolean numbered, List<String> items) implements Block {
    public ListBlock {
      items = List.copyOf(items);
    }
  }

  /**
   * A table with a header row. {@code totalRow} renders the last row in bold with a rule above,
   * and {@code numericColumns} are right-aligned.
   */
  public record Table(List<String> header, List<List<String>> rows, boolean totalRow, List<Integer> numericColumns)
      implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      numericColumns = List.copyOf(numericColumns);
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException("table row " + row + " has " + row.size()
              + " cells; the header has " + header.size());
        }
      }
    }

    /** Whether column {@code index} holds numbers. */
    public boolean isNumeric(int index) {
      return numericColumns.contains(index);
    }
  }

  /** Starts a new page (a horizontal rule in Markdown). */
  public record PageBreak() implements Block {}

  /** Starts a document. */
  public static Builder titled(String title, String author, LocalDate date) {
    return new Builder(title, author, date);
  }

  /** Collects a document's blocks in order. Not thread-safe. */
  public static final class Builder {
    private final String title;
    private final String author;
    private final LocalDate date;
    private final List<Block> blocks = new ArrayList<>();

    private Builder(String title, String author, LocalDate date) {
      this.title = title;
      this.author = author;
      this.date = date;
    }

    public Builder h1(String text) {
      return add(new Heading(1, text));
    }

    public Builder h2(String text) {
      return add(new Heading(2, text));
    }

    public Builder h3(String text) {
      return add(new Heading(3, text));
    }

    /** One paragraph per argument. */
    public Builder p(String... paragraphs) {
      for (String text : paragraphs) {
        add(new Paragraph(text, false));
      }
      return this;
    }

    public Builder small(String text) {
      return add(new Paragraph(text, true));
    }

    public Builder bullets(String... items) {
      return add(new ListBlock(false, List.of(items)));
    }

    public Builder bullets(List<String> items) {
      return add(new ListBlock(false, items));
    }

    public Builder numbered(String... items) {
      return add(new ListBlock(true, List.of(items)));
    }

    public Builder table(Table table) {
      return add(table);
    }

    public Builder pageBreak() {
      return add(new PageBreak());
    }

    public Builder add(Block block) {
      blocks.add(Objects.requireNonNull(block, "block"));
      return this;
    }

    public Doc build() {
      return new Doc(title, author, date, blocks);
    }
  }
}
