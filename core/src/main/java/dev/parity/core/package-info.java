/** What every Parity module shares: the exception root and "did you mean" for names. */
package dev.parity.core;
