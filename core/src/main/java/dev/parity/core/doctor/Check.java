package dev.parity.core.doctor;

/**
 * One part of the machine that {@code parity doctor} looks at. Modules that need an outside
 * program (LibreOffice, a browser, bubblewrap, python3) offer a check for it; the CLI lists them.
 *
 * <p>A check never throws: whatever goes wrong is a {@link CheckResult} that says so.
 */
public interface Check {
  /** A short, stable name for the part, used by {@code --require} and in JSON: {@code office}. */
  String name();

  /** What the part is for, one line: "office converter: DOCX, XLSX and PPTX as page images". */
  String purpose();

  /** Looks, and says what was found. May take seconds (a real test conversion). */
  CheckResult run();
}
