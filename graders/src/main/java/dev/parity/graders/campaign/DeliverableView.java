package dev.parity.graders.campaign;

import dev.parity.documents.FileFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Entities;

/**
 * How a file reaches a grader: its bytes stripped of identifying metadata for downloads and
 * packets, and its content rendered as an HTML fragment for the assignment page. Both sides of a
 * pair go through the same view, so they look alike whoever made them. Implementations are
 * stateless and thread-safe; callers sanitise what {@link #render} returns before sending it.
 *
 * <p>{@link #plain()} shows text files as text and offers other files for download as they are;
 * the documents renderer and blinder plug in here to render and strip every format.
 */
public interface DeliverableView {
  /**
   * The file's bytes without metadata that could tell who made it (author, company, application,
   * timestamps); the content unchanged.
   *
   * @param name the neutral name, e.g. {@code deliverable-A.docx}, for its extension
   */
  byte[] strip(String name, byte[] bytes);

  /**
   * The file's content as an HTML fragment, with notes for the grader (e.g. "shown as a download
   * only"). Never throws for a file that does not open: the fragment says so.
   *
   * @param name the neutral name, for its extension
   */
  Shown render(String name, byte[] bytes);

  /** The CSS rendered fragments are drawn with; it loads nothing. */
  String stylesheet();

  /**
   * A rendered file.
   *
   * @param html an HTML fragment (callers sanitise it)
   * @param notes what the grader should know about how it is shown
   */
  record Shown(String html, List<String> notes) {
    public Shown {
      Objects.requireNonNull(html, "html");
      notes = List.copyOf(notes);
    }
  }

  /**
   * The simple view: Markdown, text, CSV and JSON shown as preformatted text; other formats
   * offered as downloads only, their bytes unchanged.
   */
  static DeliverableView plain() {
    return new DeliverableView() {
      @Override
      public byte[] strip(String name, byte[] bytes) {
        return bytes;
      }

      @Override
      public Shown render(String name, byte[] bytes) {
        boolean text = FileFormat.ofFileName(name).map(f -> !f.isBinary()).orElse(false);
        if (!text) {
          return new Shown("", List.of("This file is not shown on the page: download it to open it."));
        }
        return new Shown("<pre class=\"plain-text\">" + Entities.escape(new String(bytes, StandardCharsets.UTF_8))
            + "</pre>", List.of());
      }

      @Override
      public String stylesheet() {
        return ".plain-text { white-space: pre-wrap; font: 0.9rem/1.45 ui-monospace, monospace; margin: 0; }\n";
      }
    };
  }
}
