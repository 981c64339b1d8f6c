/** Deliverables' length and form (words, cells, slides, tables, headings, pages, pictures), read once per file content. */
package dev.parity.harness.features;
