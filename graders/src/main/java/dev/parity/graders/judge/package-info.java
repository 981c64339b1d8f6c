/** Model judges: versioned prompts, parsing and validating their verdicts, and swapping the order of a pair. */
package dev.parity.graders.judge;
