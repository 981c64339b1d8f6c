/** The suite format: suites, tasks, requests, references, baselines and rubrics; loading and validation with positions. */
package dev.parity.tasks;
