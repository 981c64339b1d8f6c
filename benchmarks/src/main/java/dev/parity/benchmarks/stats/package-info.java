/** JMH benchmarks of the statistics' hot paths: Bradley–Terry fitting and the task bootstrap. */
package dev.parity.benchmarks.stats;
