/** Limits shared by workers in PostgreSQL: one worker process of the shared-limits benchmark. */
package dev.parity.benchmarks.limits;
