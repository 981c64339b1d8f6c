package dev.parity.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Entities;

/**
 * A file rendered for a grader: a sanitised HTML fragment (no script, no event handler, no
 * reference to anything outside the page) and notes about what could not be shown. Every
 * fragment uses the same few classes, styled by one {@link #stylesheet()}, so two deliverables
 * look alike whatever program made them.
 *
 * @param fragment sanitised HTML, safe to place inside a page that includes {@link #stylesheet()}
 * @param notes what the grader should know: the original is attached, an image was not loaded, …
 * @param readable false when the file could not be read; the fragment then says so
 * @param attachOriginal true when the original file should be offered beside the fragment for
 *     the browser's own viewer (PDF): the fragment shows its text only
 */
public record Rendering(String fragment, List<String> notes, boolean readable, boolean attachOriginal) {
  private static final String STYLESHEET = load("render.css");

  /** Allows inline styles and data: images only: nothing on the page can load anything. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  public Rendering {
    Objects.requireNonNull(fragment, "fragment");
    notes = List.copyOf(notes);
  }

  /** The stylesheet every fragment is drawn with; it loads nothing (no url(), no @import). */
  public static String stylesheet() {
    return STYLESHEET;
  }

  /**
   * A complete HTML page holding the fragment, its notes and the stylesheet, with a Content
   * Security Policy that forbids scripts and every outside load.
   *
   * @param title the page title, e.g. {@code Deliverable A}; escaped
   */
  public String page(String title) {
    StringBuilder html = new StringBuilder(fragment.length() + STYLESHEET.length() + 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Entities.escape(title)).append("</title>\n")
        .append("<style>\n").append(STYLESHEET).append("</style>\n</head>\n<body>\n<main class=\"parity-rendering\">\n")
        .append("<h1 class=\"deliverable-title\">").append(Entities.escape(title)).append("</h1>\n");
    if (!notes.isEmpty()) {
      html.append("<ul class=\"notes\">\n");
      notes.forEach(note -> html.append("<li>").append(Entities.escape(note)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.append(fragment).append("\n</main>\n</body>\n</html>\n").toString();
  }

  private static String load(String name) {
    try (InputStream in = Rendering.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
