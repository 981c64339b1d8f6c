package dev.parity.benchmarks.limits;

import dev.parity.harness.call.CallOutcome;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.call.ModelLimits;
import dev.parity.harness.call.SharedLimits;
import dev.parity.harness.call.Sleeper;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.ModelsFile;
import dev.parity.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker of the shared-limits benchmark ({@code benchmarks/shared-limits.sh}): {@code THREADS}
 * threads call one model on an OpenAI-compatible server through {@link ModelCaller} for {@code
 * SECONDS}, its limits shared in the PostgreSQL store {@code DB} ({@code shared}) or kept in this
 * process ({@code memory}). Several run at once as the workers of a team would; the fake server
 * counts what they sent together in a sliding window. Prints one line: calls answered, failed, and
 * per second.
 *
 * <p>Usage: {@code SharedLimitLoad DB BASE_URL RPM CONCURRENCY THREADS SECONDS shared|memory}
 * (RPM 0: no requests-per-minute limit, to measure the limits' own cost per call).
 */
public final class SharedLimitLoad {
  private SharedLimitLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: SharedLimitLoad DB BASE_URL RPM CONCURRENCY THREADS SECONDS shared|memory");
      System.exit(2);
    }
    String db = args[0];
    String baseUrl = args[1];
    int rpm = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[5]));
    boolean shared = args[6].equals("shared");
    Path models = Files.createTempFile("shared-limits", ".yaml");
    Files.writeString(models, "format_version: 1\nmodels:\n  - name: bench\n    provider: openai-compatible\n"
        + "    model: bench-model\n    base_url: " + baseUrl + "\n    limits: {concurrency: " + concurrency
        + (rpm > 0 ? ", requests_per_minute: " + rpm : "") + "}\n");
    ModelClients clients = ModelClients.builder().registerInstalled().build();
    ModelConfig config = ModelsFile.read(models, clients.providers()).get(0);
    Files.delete(models);
    try (Database database = Database.open(db, null);
        SharedLimits.Worker worker = shared ? SharedLimits.worker(database) : null) {
      ModelClient client = clients.create(config);
      ModelLimits.Source limits = shared ? worker : ModelLimits.IN_MEMORY;
      try (ModelCaller caller = ModelCaller.create(client, config, 3, Clock.systemUTC(), Sleeper.SYSTEM,
          new Random(), limits)) {
        ModelRequest request = new ModelRequest("t1", 0, "", "Write the memo.", List.of(), List.of(),
            Duration.ofMinutes(1));
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < threads; i++) {
          Thread thread = new Thread(() -> {
            try {
              while (System.nanoTime() < end) {
                CallOutcome outcome = caller.call(request, 150);
                (outcome instanceof CallOutcome.Answered ? answered : failed).incrementAndGet();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }, "bench-" + i);
          thread.start();
          running.add(thread);
        }
        for (Thread thread : running) {
          thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "worker %s limits: %d answered, %d failed in %.1f s (%.1f calls/s)%n",
            args[6], answered.get(), failed.get(), seconds, answered.get() / seconds);
      }
    }
  }
}
