/**
 * Model clients behind one interface: {@link dev.parity.harness.client.ModelClient} turns one
 * {@link dev.parity.harness.client.ModelRequest} into one
 * {@link dev.parity.harness.client.ModelAnswer} over a provider's API. Each provider lives in its
 * own package; its wire types never leave it.
 */
package dev.parity.harness.client;
