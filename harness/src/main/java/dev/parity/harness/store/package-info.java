/** The harness's tables: runs and attempts, kept on the one database and blob store. */
package dev.parity.harness.store;
