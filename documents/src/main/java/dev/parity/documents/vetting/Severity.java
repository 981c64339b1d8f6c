package dev.parity.documents.vetting;

/**
 * How bad it is to leave a finding in a suite. {@code parity vet} fails (exit 1) while any
 * {@link #HIGH} or {@link #MEDIUM} finding is not allowed; {@link #LOW} ones are listed only.
 * The rule, by kind, is in {@link Kinds} and docs/vetting.md.
 */
public enum Severity {
  /** Secrets, national identifiers, payment cards, IBANs, and files that could not be read. */
  HIGH,
  /** E-mail, phones, birth dates, addresses, GPS, confidentiality markers, authors, user names, user paths. */
  MEDIUM,
  /** Company names in properties: an organisation, not a person. */
  LOW;

  /** Whether a finding of this severity makes {@code parity vet} fail. */
  public boolean fails() {
    return this != LOW;
  }
}
