/** Load test of the grading app: many graders submitting at once against a real server. */
package dev.parity.benchmarks.grading;
