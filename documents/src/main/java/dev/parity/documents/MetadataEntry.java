package dev.parity.documents;

import java.util.Objects;

/**
 * One piece of metadata in a file that says who or what made it, as {@link Documents#strip}
 * removes it.
 *
 * @param where the place: a part and field ({@code docProps/core.xml dc:creator}), an attribute
 *     ({@code word/comments.xml w:comment/@w:author}), a PDF dictionary entry
 *     ({@code Info dictionary /Author}), an image segment or chunk ({@code APP1 segment})
 * @param what what it says, e.g. {@code Jane Doe}, or {@code Jane Doe (50 times)} when the same
 *     value stands in the same place more than once
 */
public record MetadataEntry(String where, String what) {
  public MetadataEntry {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(what, "what");
  }

  /** {@code WHERE: WHAT}. */
  @Override
  public String toString() {
    return where + ": " + what;
  }
}
