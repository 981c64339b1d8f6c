/**
 * Model clients behind one interface: {@link dev.parity.harness.client.ModelClient} turns one
 * {@link dev.parity.harness.client.ModelRequest} into one
 * {@link dev.parity.harness.client.ModelAnswer} over a provider's API. Each provider lives in its
 * own package; its wire types never leave it.
 *
 * <p>Models are named by {@link dev.parity.harness.client.ModelSpecs} strings or read from a
 * {@link dev.parity.harness.client.ModelsFile}; {@link dev.parity.harness.client.ModelClients}, the
 * registry of {@link dev.parity.harness.client.ModelClientFactory factories} by provider name, makes
 * a client for each. Prices come from the configuration or the shipped
 * {@link dev.parity.harness.client.PriceTable}. The formats are documented in {@code docs/models.md}.
 */
package dev.parity.harness.client;
