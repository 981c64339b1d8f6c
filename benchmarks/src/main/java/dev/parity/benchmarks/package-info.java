/** JMH benchmarks of Parity's hot paths; see benchmarks/README.md for how to run them. */
package dev.parity.benchmarks;
