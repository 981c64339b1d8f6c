/** The work queue of runs on PostgreSQL: attempts claimed by workers under leases (docs/teams.md#workers). */
package dev.parity.harness.work;
