/** Deterministic writers of the sample suite's office files (DOCX, XLSX, PPTX, PDF, Markdown, CSV). */
package dev.parity.samplegen.office;
