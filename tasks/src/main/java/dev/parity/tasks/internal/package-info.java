/** Suite loading internals: located JSON, schema checks, content hashing and per-task checks. */
package dev.parity.tasks.internal;
