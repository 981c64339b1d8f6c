package dev.parity.benchmarks.grading;

import dev.parity.documents.FileFormat;
import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.Role;
import dev.parity.graders.campaign.Session;
import dev.parity.graders.web.GradingServer;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on the grading app: N simulated graders (default 200) on loopback, each working through its
 * queue as a person would, as fast as the server answers: open the next assignment (a redirect,
 * then the page with both deliverables rendered), save a draft, submit the verdict. Reports
 * throughput, p50/p90/p99/max latency per kind of request, and errors.
 *
 * <p>What it measures: the app's own path (session lookup, ownership check, page rendering with
 * cached renderings, SQLite writes in WAL mode, one transaction per submission) under concurrency.
 * What it does not: password hashing (sessions are made directly, as sign-in happens once a day),
 * large documents (the deliverables are short Markdown files), or a network. Server and clients
 * share one JVM and the machine's cores, so the figures are a floor for a dedicated server.
 *
 * <p>Each simulated grader pauses 0.5 to 1.5 times the think time (default 1000 ms) before each
 * request, a fast reader; a think time of 0 is a stress test, where latency only measures the queue
 * in front of the server (Little's law: in-flight requests / throughput).
 *
 * <p>Run: {@code benchmarks/grading-load.sh [GRADERS] [ASSIGNMENTS_PER_GRADER] [THINK_MS]}. Last numbers are in
 * docs/grading.md.
 */
public final class GradingLoad {
  enum Kind { NEXT, PAGE, DRAFT, SUBMIT }

  private GradingLoad() {}

  public static void main(String[] args) throws Exception {
    int graders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perGrader = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long thinkMillis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
    Path folder = Files.createTempDirectory("parity-grading-load");
    Database database = Database.open(folder.resolve("grading.db"));
    BlobStore blobs = database.blobs();
    Clock clock = Clock.systemUTC();
    List<Grader> roster = new ArrayList<>();
    for (int g = 1; g <= graders; g++) {
      roster.add(new Grader("g" + g, "Grader " + g, "g" + g + "@example.org", List.of("Accountants and Auditors"),
          Role.GRADER));
    }
    int perPair = 2;
    List<Candidate> candidates = new ArrayList<>();
    for (int t = 1; t <= graders * perGrader / perPair; t++) {
      candidates.add(candidate(blobs, t));
    }
    long setupStart = System.nanoTime();
    new Campaigns(database, blobs, clock).create(new CampaignSettings("load", perPair, 0, 1, false, 20), roster,
        candidates, "benchmark");
    Accounts accounts = new Accounts(database, clock, new SecureRandom(), 4);
    List<Session> sessions = new ArrayList<>();
    roster.forEach(g -> sessions.add(accounts.startSession(g.id())));
    System.out.printf(Locale.ROOT, "setup: %d graders, %d pairs, %d assignments in %.1f s%n", graders,
        candidates.size(), candidates.size() * perPair, (System.nanoTime() - setupStart) / 1e9);

    try (GradingServer server = GradingServer.builder(database, blobs).listen("127.0.0.1", 0).start()) {
      ExecutorService clientThreads = Executors.newFixedThreadPool(8);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
          .executor(clientThreads).build();
      warmUp(http, server.url(), sessions.get(0));
      Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
      for (Kind kind : Kind.values()) {
        latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
      }
      AtomicInteger errors = new AtomicInteger();
      List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(graders);
      CountDownLatch ready = new CountDownLatch(graders);
      CountDownLatch go = new CountDownLatch(1);
      for (int g = 1; g < sessions.size(); g++) {
        Session session = sessions.get(g);
        pool.execute(() -> {
          ready.countDown();
          try {
            go.await();
            new SimulatedGrader(http, server.url(), session, latencies, errors, errorSamples, thinkMillis).work();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      ready.countDown();
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      pool.shutdown();
      if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
        pool.shutdownNow();
        System.out.println("stopped after 10 minutes");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "think time between requests: %d ms ± 50%%%n", thinkMillis);
      report(latencies, errors.get(), errorSamples, seconds, graders - 1);
      clientThreads.shutdownNow();
    } finally {
      database.close();
    }
  }

  private static Candidate candidate(BlobStore blobs, int n) {
    Occupation occupation = new Occupation("Accountants and Auditors", "13-2011.00");
    Task task = new Task("task-" + n, "Quarterly summary " + n, occupation, "Finance and Insurance",
        new TaskRequest("Finance Director", "Please summarise the quarter's figures in one page."), List.of(),
        new DeliverableSpec(List.of(FileFormat.MD), "A summary"),
        new Baseline(List.of("baseline/summary.md"), 60, 50, null, null), List.of(), null, List.of(), null);
    String text = "# Summary " + n + "\n\n" + "The quarter closed with revenue up 4% and costs flat. ".repeat(40) + "\n";
    return new Candidate(task, "model", 0, "bench/" + n,
        List.of(CampaignFile.put(blobs, "answer.md", (text + "Model.\n").getBytes(StandardCharsets.UTF_8), null)),
        List.of(CampaignFile.put(blobs, "summary.md", (text + "Human.\n").getBytes(StandardCharsets.UTF_8), null)),
        List.of());
  }

  /**
   * Requests before timing, by a grader left out of the measurement, so the measured ones do not
   * pay for class loading and compilation: many page views and drafts, then its own queue.
   */
  private static void warmUp(HttpClient http, String base, Session session) {
    SimulatedGrader grader = new SimulatedGrader(http, base, session, new EnumMap<>(Kind.class), new AtomicInteger(),
        new ArrayList<>(), 0);
    for (int i = 0; i < 300; i++) {
      grader.browse();
    }
    grader.work();
  }

  private static void report(Map<Kind, List<Long>> latencies, int errors, List<String> samples, double seconds,
      int graders) {
    long total = latencies.values().stream().mapToLong(List::size).sum();
    System.out.printf(Locale.ROOT, "%d graders: %d requests in %.1f s = %.0f requests/s; %d errors%n", graders,
        total, seconds, total / seconds, errors);
    System.out.printf(Locale.ROOT, "%-8s %7s %8s %8s %8s %8s%n", "request", "count", "p50 ms", "p90 ms", "p99 ms", "max ms");
    List<Long> all = new ArrayList<>();
    latencies.forEach((kind, list) -> {
      all.addAll(list);
      line(kind.name().toLowerCase(Locale.ROOT), list);
    });
    line("all", all);
    samples.stream().limit(5).forEach(s -> System.out.println("error: " + s));
  }

  private static void line(String name, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return;
    }
    System.out.printf(Locale.ROOT, "%-8s %7d %8.1f %8.1f %8.1f %8.1f%n", name, sorted.length, quantile(sorted, 0.50),
        quantile(sorted, 0.90), quantile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  private static double quantile(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** One grader: next, page, draft, submit, until the queue is empty, pausing between requests as a reader would. */
  private record SimulatedGrader(HttpClient http, String base, Session session, Map<Kind, List<Long>> latencies,
      AtomicInteger errors, List<String> errorSamples, long thinkMillis) {

    /** Opens the next assignment and saves a draft of it, without submitting. */
    void browse() {
      HttpResponse<String> next = send(Kind.NEXT, get("/next"), 302);
      String location = next == null ? "/queue" : next.headers().firstValue("Location").orElse("/queue");
      if (location.startsWith("/a/")) {
        send(Kind.PAGE, get(location), 200);
        send(Kind.DRAFT, post(location + "/draft", "application/json", "{\"rationale\":\"warming up\"}"), 200);
      }
    }

    void work() {
      for (int guard = 0; guard < 100; guard++) {
        HttpResponse<String> next = send(Kind.NEXT, get("/next"), 302);
        if (next == null) {
          return;
        }
        String location = next.headers().firstValue("Location").orElse("/queue");
        if (!location.startsWith("/a/")) {
          return;
        }
        if (send(Kind.PAGE, get(location), 200) == null) {
          return;
        }
        String draft = "{\"verdict\":\"A\",\"rationale\":\"A is more complete than B.\",\"seconds\":20}";
        send(Kind.DRAFT, post(location + "/draft", "application/json", draft), 200);
        String form = "_csrf=" + URLEncoder.encode(session.csrfToken(), StandardCharsets.UTF_8)
            + "&verdict=A&version=0&seconds=10&rationale=" + URLEncoder.encode("A is more complete than B in every part.",
            StandardCharsets.UTF_8);
        if (send(Kind.SUBMIT, post(location + "/submit", "application/x-www-form-urlencoded", form), 302) == null) {
          return;
        }
      }
    }

    private HttpRequest get(String path) {
      return request(path).GET().build();
    }

    private HttpRequest post(String path, String type, String body) {
      return request(path).header("Content-Type", type).header("X-CSRF-Token", session.csrfToken())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
          .header("Cookie", "parity_session=" + session.token());
    }

    private HttpResponse<String> send(Kind kind, HttpRequest request, int expected) {
      if (thinkMillis > 0) {
        try {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        List<Long> list = latencies.get(kind);
        if (list != null) {
          list.add(System.nanoTime() - start);
        }
        if (response.statusCode() != expected) {
          errors.incrementAndGet();
          errorSamples.add(kind + " " + request.uri().getPath() + " → " + response.statusCode());
          return null;
        }
        return response;
      } catch (IOException e) {
        errors.incrementAndGet();
        errorSamples.add(kind + " " + request.uri().getPath() + " → " + e);
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

}
