package dev.parity.documents.vetting;

import java.util.List;

/** Finds one family of kinds in a piece of text. Implementations are stateless and thread-safe. */
interface Detector {
  /**
   * Adds a {@link Hit} to {@code out} for each thing found in {@code text}.
   *
   * @param label the name of the field or column the text is the value of, or empty
   */
  void find(String text, String label, List<Hit> out);
}
