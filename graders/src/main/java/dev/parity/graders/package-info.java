/** Grading deliverables: rubric checks, model judges, blinding and human grading campaigns. */
package dev.parity.graders;
