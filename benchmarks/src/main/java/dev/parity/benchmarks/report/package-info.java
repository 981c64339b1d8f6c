/**
 * The whole report: a JMH benchmark at GDPval's scale, and the synthetic data it and the
 * whole-command benchmark ({@code benchmarks/report-benchmark.sh}) use, as objects or as files.
 */
package dev.parity.benchmarks.report;
