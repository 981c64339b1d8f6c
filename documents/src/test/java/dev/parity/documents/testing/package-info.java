/** Small real documents for tests, written with the libraries users' files come from; published as a test-jar. */
package dev.parity.documents.testing;
