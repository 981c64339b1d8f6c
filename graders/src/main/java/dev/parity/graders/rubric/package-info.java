/** Rubric grading: deterministic checks of a deliverable's text, data and documents, and criterion scores. */
package dev.parity.graders.rubric;
