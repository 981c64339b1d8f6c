/** Deliverables out of a model's answer: the envelope, building the requested formats, and checking the files. */
package dev.parity.harness.deliverable;
