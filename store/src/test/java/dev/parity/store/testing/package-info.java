/** A store on SQLite or PostgreSQL for tests: {@link dev.parity.store.testing.TestStores}. */
package dev.parity.store.testing;
