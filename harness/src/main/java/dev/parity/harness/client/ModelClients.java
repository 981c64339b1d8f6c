package dev.parity.harness.client;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The registry of model client factories by provider name: turns a {@link ModelConfig} into a
 * {@link ModelClient}.
 *
 * <pre>{@code
 * ModelClients clients = ModelClients.builder()
 *     .registerInstalled()                 // openai, openai-compatible, anthropic, gemini, command, replay, replay-agent
 *     .environment(System::getenv)
 *     .httpClient(new OkHttpClient())
 *     .clock(Clock.systemUTC())
 *     .build();
 * ModelClient client = clients.create(ModelSpecs.parse("anthropic:claude-opus-4-1"));
 * }</pre>
 *
 * <p>What clients are made with (the HTTP client, the price table) is made when the first client
 * is: a registry that makes none, as for a dry run, never sets up TLS or reads the prices.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ModelClients {
  /**
   * The most idle connections the default HTTP client keeps for reuse. OkHttp's default of 5 closed
   * most connections of a run with dozens of calls in flight as each call ended, so that about half
   * of a 2,000-call run's calls opened a connection of their own (benchmarks/README.md, the attempt
   * path's sixth pass). The pool never holds more idle connections than calls were in flight at
   * once, so this only bounds concurrencies above it; idle ones still close after five minutes.
   */
  static final int IDLE_CONNECTIONS = 256;

  private final Map<String, ModelClientFactory> factories;
  private final Supplier<ClientContext> makeContext;
  private volatile ClientContext context;

  private ModelClients(Map<String, ModelClientFactory> factories, Supplier<ClientContext> makeContext) {
    this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    this.makeContext = makeContext;
  }

  /**
   * A new HTTP client as every API client's default: OkHttp's, keeping up to {@link #IDLE_CONNECTIONS}
   * idle connections.
   */
  public static OkHttpClient defaultHttpClient() {
    return pooled().build();
  }

  /**
   * A new HTTP client as {@link #defaultHttpClient()}, for models at {@code http://} URLs: it speaks
   * plain HTTP only and so never sets up TLS, which a default client does when it is made (the
   * platform's trust store: about 0.1 s of CPU, benchmarks/README.md). An API client given it still
   * reaches an {@code https://} URL, and follows a redirect to one, through a TLS client it makes
   * from this one when that first happens.
   */
  public static OkHttpClient cleartextHttpClient() {
    // A redirect to https is the API client's to follow: this client cannot make that request.
    return pooled().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false).build();
  }

  private static OkHttpClient.Builder pooled() {
    return new OkHttpClient.Builder().connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The provider names clients can be made for, sorted. */
  public SortedSet<String> providers() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(factories.keySet()));
  }

  /**
   * A client for {@code config}, made by the factory registered for its provider.
   *
   * @throws NoSuchModelClientException when no factory is registered for the provider; the message
   *     lists the known providers
   * @throws MissingApiKeyException when the model's API key is not in the environment
   * @throws InvalidModelConfigException when the configuration cannot work for its provider, e.g.
   *     a hosted tool its provider does not have
   */
  public ModelClient create(ModelConfig config) {
    ModelClientFactory factory = factories.get(config.provider());
    if (factory == null) {
      throw new NoSuchModelClientException(config.provider(), providers());
    }
    for (HostedTool tool : config.hostedTools()) {
      if (!tool.provider().equals(config.provider())) {
        throw new InvalidModelConfigException("model " + config.name() + ": the " + config.provider()
            + " provider has no hosted tool " + tool.id() + "; the hosted tools are " + HostedTool.known());
      }
    }
    return factory.create(config, context());
  }

  private ClientContext context() {
    ClientContext made = context;
    if (made == null) {
      synchronized (this) {
        if (context == null) {
          context = makeContext.get();
        }
        made = context;
      }
    }
    return made;
  }

  /** Collects the factories and what every client is made with. */
  public static final class Builder {
    private final Map<String, ModelClientFactory> factories = new LinkedHashMap<>();
    private Function<String, String> environment = System::getenv;
    private Supplier<OkHttpClient> http = ModelClients::defaultHttpClient;
    private Clock clock = Clock.systemUTC();
    private PriceTable prices;

    private Builder() {}

    /**
     * Adds {@code factory} under its provider name.
     *
     * @throws IllegalArgumentException when a factory is already registered under that name
     */
    public Builder register(ModelClientFactory factory) {
      String provider = factory.provider();
      if (provider == null || !provider.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException("provider names are lowercase letters, digits and dashes, not \""
            + provider + "\" (" + factory.getClass().getName() + ")");
      }
      ModelClientFactory previous = factories.putIfAbsent(provider, factory);
      if (previous != null) {
        throw new IllegalArgumentException("two model client factories for provider \"" + provider + "\": "
            + previous.getClass().getName() + " and " + factory.getClass().getName());
      }
      return this;
    }

    /** Adds every factory on the class path, found by {@link ServiceLoader}: the built-in ones and plug-ins. */
    public Builder registerInstalled() {
      ServiceLoader.load(ModelClientFactory.class, ModelClientFactory.class.getClassLoader())
          .forEach(this::register);
      return this;
    }

    /** Where API keys are looked up; {@code System::getenv} unless set. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The HTTP client every API client shares; unless set, a new default one that keeps up to
     * {@link #IDLE_CONNECTIONS} idle connections.
     */
    public Builder httpClient(OkHttpClient http) {
      Objects.requireNonNull(http, "http");
      this.http = () -> http;
      return this;
    }

    /**
     * The HTTP client every API client shares, asked of {@code http} once, when the first client is
     * made: a caller can set it up on a thread of its own meanwhile (a default {@link OkHttpClient}
     * loads the platform's TLS and trust store, about 0.15 s of CPU). What {@code http} throws, the
     * first {@link #create} throws.
     */
    public Builder httpClient(Supplier<OkHttpClient> http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** The clock latencies are measured with; the system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The prices for models whose configuration names none; {@link PriceTable#shipped()} unless set. */
    public Builder prices(PriceTable prices) {
      this.prices = Objects.requireNonNull(prices, "prices");
      return this;
    }

    public ModelClients build() {
      Function<String, String> environment = this.environment;
      Supplier<OkHttpClient> http = this.http;
      Clock clock = this.clock;
      PriceTable prices = this.prices;
      return new ModelClients(factories, () -> new ClientContext(environment, http.get(), clock,
          prices != null ? prices : PriceTable.shipped()));
    }
  }
}
