/** Documents as Parity reads them: file formats, and one reader per format for text, HTML views and metadata. */
package dev.parity.documents;
