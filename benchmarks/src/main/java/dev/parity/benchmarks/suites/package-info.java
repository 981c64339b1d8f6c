/** Suites of real documents for the whole-command benchmarks of loading a suite ({@code documents-load.sh}). */
package dev.parity.benchmarks.suites;
