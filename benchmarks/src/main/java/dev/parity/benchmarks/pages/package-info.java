/** Benchmarks of drawing documents as page images: LibreOffice conversion and PDFBox rendering. */
package dev.parity.benchmarks.pages;
