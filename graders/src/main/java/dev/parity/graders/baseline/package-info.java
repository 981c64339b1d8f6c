/**
 * Baseline campaigns: professionals working on a suite's tasks as human contestants
 * ({@code human:<id>}), timed on the server, their submissions recorded as attempts of the
 * campaign's run (docs/baselines.md).
 */
package dev.parity.graders.baseline;
