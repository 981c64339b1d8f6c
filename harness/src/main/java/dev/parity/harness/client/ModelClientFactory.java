package dev.parity.harness.client;

/**
 * Makes the clients of one provider. Register factories with {@link ModelClients.Builder#register};
 * the built-in ones are also listed for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.parity.harness.client.ModelClientFactory}, so a service provider
 * outside Parity plugs in the same way.
 *
 * <p>Implementations must be stateless and safe to share between threads.
 */
public interface ModelClientFactory {

  /** The provider name models are configured with, e.g. {@code openai}: lowercase, no colon. */
  String provider();

  /**
   * A client for {@code config}, whose provider is {@link #provider()}.
   *
   * @throws MissingApiKeyException when the model's API key is not in the environment
   * @throws InvalidModelConfigException when the configuration cannot work for this provider (no
   *     base URL for a server that has no default, a replay folder that does not exist, …)
   */
  ModelClient create(ModelConfig config, ClientContext context);
}
