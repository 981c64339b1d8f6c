package dev.parity.harness.deliverable;

/** How the files were taken out of an answer; recorded on the attempt. */
public enum Extraction {
  /** The answer held the envelope and its files were taken from it. */
  ENVELOPE,
  /**
   * The answer held no usable envelope: the whole answer was delivered as {@code deliverable.md},
   * and each other requested format was built from it.
   */
  FALLBACK,
  /** The files were delivered as files (an agent's folder, an import), not in an answer. */
  FILES
}
