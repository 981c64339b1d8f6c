package dev.parity.samplegen.office;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A slide deck, rendered to PPTX by {@link PptxWriter}: a title slide, then content slides that
 * stack, top to bottom, a row of headline figures, bullets and a table. Text may mark bold spans
 * with {@code **…**}. Immutable; build one with {@link #titled}.
 *
 * @param title the deck's title, on its title slide and in its properties
 * @param subtitle the line under the title on the title slide
 * @param author who the deck's properties name as its author
 * @param date the deck's creation date, fixed so that output is reproducible
 * @param slides the content slides, in order
 */
public record Deck(String title, String subtitle, String author, LocalDate date, List<Slide> slides) {

  public Deck {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(date, "date");
    slides = List.copyOf(slides);
  }

  /** A headline figure shown in a tile, e.g. {@code $4.82M} over {@code FY2025 revenue}. */
  public record Metric(String value, String label) {}

  /**
   * One content slide.
   *
   * @param title the slide's title
   * @param metrics headline figures across the top; may be empty
   * @param bullets the slide's points; may be empty
   * @param table a table under the points; may be null
   * @param notes the speaker's notes; may be null
   */
  public record Slide(String title, List<Metric> metrics, List<String> bullets, Doc.Table table, String notes) {
    public Slide {
      Objects.requireNonNull(title, "title");
      metrics = List.copyOf(metrics);
      bullets = List.copyOf(bullets);
    }
  }

  public static Builder titled(String title, String subtitle, String author, LocalDate date) {
    return new Builder(title, subtitle, author, date);
  }

  /** Collects slides in order; each {@link #slide} starts a new one. Not thread-safe. */
  public static final class Builder {
    private final String title;
    private final String subtitle;
    private final String author;
    private final LocalDate date;
    private final List<Slide> slides = new ArrayList<>();
    private String slideTitle;
    private List<Metric> metrics;
    private List<String> bullets;
    private Doc.Table table;
    private String notes;

    private Builder(String title, String subtitle, String author, LocalDate date) {
      this.title = title;
      this.subtitle = subtitle;
      this.author = author;
      this.date = date;
    }

    public Builder slide(String title) {
      finishSlide();
      slideTitle = title;
      metrics = new ArrayList<>();
      bullets = new ArrayList<>();
      table = null;
      notes = null;
      return this;
    }

    public Builder metric(String value, String label) {
      current().metrics.add(new Metric(value, label));
      return this;
    }

    public Builder bullets(String... points) {
      current().bullets.addAll(List.of(points));
      return this;
    }

    public Builder table(Doc.Table table) {
      current().table = table;
      return this;
    }

    public Builder notes(String notes) {
      current().notes = notes;
      return this;
    }

    public Deck build() {
      finishSlide();
      return new Deck(title, subtitle, author, date, slides);
    }

    private Builder current() {
      if (slideTitle == null) {
        throw new IllegalStateException("start a slide with slide(title) first");
      }
      return this;
    }

    private void finishSlide() {
      if (slideTitle != null) {
        slides.add(new Slide(slideTitle, metrics, bullets, table, notes));
        slideTitle = null;
      }
    }
  }
}
