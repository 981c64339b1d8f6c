/** JMH benchmark of the whole report at GDPval's scale. */
package dev.parity.benchmarks.report;
