/** Human grading campaigns: blinded pairs, graders and their assignments, attention checks, progress, packets and grader quality. */
package dev.parity.graders.campaign;
