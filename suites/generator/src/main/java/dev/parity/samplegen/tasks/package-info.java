/** The sample suite's tasks, one class each, with their requests, references, baselines and rubrics. */
package dev.parity.samplegen.tasks;
