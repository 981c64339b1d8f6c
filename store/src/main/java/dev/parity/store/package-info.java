/** The one way into the store: a {@link dev.parity.store.Database} with its SQL dialect, JDBC through one helper, and the blob store. */
package dev.parity.store;
