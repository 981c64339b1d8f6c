/** Blinding policy: neutral file names, identifying tells in text and metadata, and the checks that nothing names an author. */
package dev.parity.graders.blinding;
