package dev.parity.documents;

import java.util.Objects;

/**
 * One change a redaction made to a file.
 *
 * @param place where: a part of an Office file ({@code word/comments.xml}), {@code page 2},
 *     {@code line 4}, {@code bookmark}, {@code metadata}
 * @param kind the kind of value removed ({@code email}); empty for a change that is not one value
 *     (a page rasterised, metadata removed)
 * @param placeholder what the value was replaced with ({@code [EMAIL-1]}); empty when it was
 *     painted over or removed with its container
 * @param note what else a reader of the copy should know; empty when nothing
 */
public record RedactionChange(String place, String kind, String placeholder, String note) {
  public RedactionChange {
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(placeholder, "placeholder");
    Objects.requireNonNull(note, "note");
  }

  static RedactionChange replaced(String place, Replacements.Hit hit) {
    return new RedactionChange(place, hit.entry().kind(), hit.entry().placeholder(), "");
  }

  static RedactionChange noted(String place, String note) {
    return new RedactionChange(place, "", "", note);
  }
}
