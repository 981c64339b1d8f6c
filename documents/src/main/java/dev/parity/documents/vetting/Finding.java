package dev.parity.documents.vetting;

import java.util.Objects;

/**
 * Something in a file that should not leave it: personal data, a secret, a confidentiality
 * marker or the identity of whoever made the file.
 *
 * @param file the file's name as the caller gave it (relative to the suite, e.g.
 *     {@code tasks/memo/reference/memo.docx})
 * @param place where in the file, naming the part: {@code paragraph 3}, {@code comment 0},
 *     {@code hidden sheet Staff!B2}, {@code speaker notes of slide 1}, {@code properties dc:creator},
 *     {@code page 2}, {@code EXIF GPS}, {@code line 4}
 * @param category what sort of thing it is
 * @param kind what it is, one of {@link Kinds}' ids: {@code email}, {@code us_ssn}, {@code api_key}, …
 * @param severity how bad it is to leave it (see {@link Severity})
 * @param match the exact text as it stands in the document, for a redactor to replace; empty for
 *     {@link Kinds#UNREADABLE}; for {@link Kinds#GPS_LOCATION} the position computed from the
 *     EXIF rationals ({@code 39.781500,-89.644778}), which is not text in the file (the EXIF block
 *     holds it); a PEM block in a text file is all its lines, with their line ends
 * @param excerpt the match masked, safe to print and store: {@code d***@harborline-legal.com},
 *     {@code **** **** **** 6467}; never the whole secret
 */
public record Finding(String file, String place, Category category, String kind, Severity severity, String match,
    String excerpt) {
  public Finding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(excerpt, "excerpt");
  }
}
