/** What agent runs cost: a tool call's sandbox overhead, and agent attempts at scale. */
package dev.parity.benchmarks.sandbox;
