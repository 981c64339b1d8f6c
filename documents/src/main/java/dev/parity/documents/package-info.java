/**
 * Documents as Parity reads them: file formats, and one reader per format ({@code FormatReader})
 * for text, the pieces and hidden places of a file, its length and form, and its metadata, which
 * text extraction, blind-check and vetting share; HTML views, redaction and stripping.
 */
package dev.parity.documents;
