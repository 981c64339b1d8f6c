/** The parity command: one picocli command per verb, each runnable in-process with its own writers. */
package dev.parity.cli;
