/** Copying a whole store, rows and blobs, from one database to another, verified: {@link dev.parity.store.copy.StoreCopy}. */
package dev.parity.store.copy;
