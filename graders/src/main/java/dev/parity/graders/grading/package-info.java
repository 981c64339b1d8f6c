/**
 * Automated grading of a run: rubric grading and pairwise judging, over one work queue that asks
 * the judge through the harness's one model-call path under the pass's budget, resumably.
 */
package dev.parity.graders.grading;
