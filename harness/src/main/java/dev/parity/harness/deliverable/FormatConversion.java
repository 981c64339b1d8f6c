package dev.parity.harness.deliverable;

/**
 * What happens when a requested format is missing but the model delivered a text file it can be
 * built from: a {@code memo.md} when a DOCX was asked for, a {@code data.csv} for an XLSX.
 */
public enum FormatConversion {
  /**
   * The format stays missing, as GDPval counts it: the model did not deliver what was asked. The
   * finding says which file could have been converted.
   */
  OFF,
  /**
   * The requested format is built from the delivered file (Markdown to DOCX, PDF, PPTX or XLSX;
   * CSV to XLSX), which is kept too, and the conversion is recorded ({@link DeliveryResult#conversions()}).
   */
  CONVERT
}
