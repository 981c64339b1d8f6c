/** Runs: planning a suite × models × samples, executing attempts over the model-call path, resume, cache, import and progress. */
package dev.parity.harness.run;
