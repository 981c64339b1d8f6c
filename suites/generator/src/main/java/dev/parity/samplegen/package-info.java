/** Generates the sample suite (tasks, references, baselines, rubrics) deterministically from code. */
package dev.parity.samplegen;
