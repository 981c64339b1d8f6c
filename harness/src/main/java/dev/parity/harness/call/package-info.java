/**
 * The one way to call a model: retries with backoff and the server's Retry-After, adaptive
 * concurrency, rate limits, budget reservations and stopping a model after a fatal error, returning
 * a typed {@link dev.parity.harness.call.CallOutcome}; used by runs, judges and agent loops alike.
 */
package dev.parity.harness.call;
