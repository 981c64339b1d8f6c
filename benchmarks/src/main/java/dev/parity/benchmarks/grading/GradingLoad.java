package dev.parity.benchmarks.grading;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderers;
import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.campaign.Role;
import dev.parity.graders.campaign.Session;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.graders.pages.RenderStatus;
import dev.parity.graders.web.GradingServer;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Load on the grading app: N simulated graders (default 200) on loopback, each working through its
 * queue as a person would, as fast as the server answers: open the next assignment (a redirect,
 * then the page with both deliverables rendered, then its page images as a browser would fetch
 * them), save a draft, submit the verdict. Reports throughput, p50/p90/p99/max latency per kind of
 * request, and errors.
 *
 * <p>Three profiles (the fourth argument). {@code pages} (the default): every pair also has a DOCX
 * on each side (three pages or so, distinct per pair) and the server draws pages with the renderer
 * this machine offers (LibreOffice when installed); the campaign's renders are queued just before
 * the graders start, so they run in the background for the whole measurement, as after {@code
 * parity campaign create}, and a page asking for a file not drawn yet shows "rendering…" and moves
 * that file to the front of the queue. {@code docx}: the same files shown as HTML only, without
 * page images (the baseline for {@code pages}). {@code md}: short Markdown deliverables only.
 *
 * <p>What it measures: the app's own path (session lookup, ownership check, page rendering with
 * cached renderings, render cache lookups, SQLite writes in WAL mode, one transaction per
 * submission) under concurrency, with the converter competing for the same cores. What it does
 * not: password hashing (sessions are made directly, as sign-in happens once a day), or a network.
 * Server, converter and clients share one JVM and the machine's cores, so the figures are a floor
 * for a dedicated server.
 *
 * <p>Each simulated grader pauses 0.5 to 1.5 times the think time (default 1000 ms) before each
 * request, a fast reader; a think time of 0 is a stress test, where latency only measures the queue
 * in front of the server (Little's law: in-flight requests / throughput).
 *
 * <p>Run: {@code benchmarks/grading-load.sh [GRADERS] [ASSIGNMENTS_PER_GRADER] [THINK_MS] [pages|docx|md]}.
 * Last numbers are in docs/grading.md.
 */
public final class GradingLoad {
  enum Kind { NEXT, PAGE, IMAGE, DRAFT, SUBMIT }

  private static final Pattern IMAGE = Pattern.compile("src=\"(/a/[0-9a-f]{32}/files/[AB]/\\d+/pages/\\d+)\"");

  private GradingLoad() {}

  public static void main(String[] args) throws Exception {
    int graders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perGrader = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long thinkMillis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
    String mode = args.length > 3 ? args[3] : "pages";
    if (!List.of("pages", "docx", "md").contains(mode)) {
      throw new IllegalArgumentException("the fourth argument is pages, docx or md, not " + mode);
    }
    boolean pages = mode.equals("pages");
    boolean docx = !mode.equals("md");
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
      candidates.add(candidate(blobs, t, docx));
    }
    long setupStart = System.nanoTime();
    Campaigns campaigns = new Campaigns(database, blobs, clock);
    String campaignId = campaigns.create(new CampaignSettings("load", perPair, 0, 1, false, 20), roster,
        candidates, "benchmark").campaign().id();
    Accounts accounts = new Accounts(database, clock, new SecureRandom(), 4);
    List<Session> sessions = new ArrayList<>();
    roster.forEach(g -> sessions.add(accounts.startSession(g.id())));
    System.out.printf(Locale.ROOT, "setup: %d graders, %d pairs, %d assignments in %.1f s%n", graders,
        candidates.size(), candidates.size() * perPair, (System.nanoTime() - setupStart) / 1e9);

    PageRenderers.Opened renderer = PageRenderers.open();
    RenderQueue queue = new RenderQueue(new PageCache(database, clock), blobs, new RenderedView(), renderer.renderer(),
        PageOptions.DEFAULT, 1);
    GradingServer.Builder builder = GradingServer.builder(database, blobs).view(new RenderedView())
        .listen("127.0.0.1", 0);
    try (GradingServer server = (pages ? builder.pages(queue) : builder).start()) {
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
      if (pages) {
        System.out.printf(Locale.ROOT, "pages: %s; %d files queued to draw in the background%n",
            renderer.renderer().version(), queue.queue(campaigns.files(campaignId)));
      }
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
      if (pages) {
        System.out.println("renders by the end: " + renders(database));
      }
      clientThreads.shutdownNow();
    } finally {
      queue.close();
      renderer.close();
      database.close();
    }
  }

  private static Candidate candidate(BlobStore blobs, int n, boolean docx) {
    Occupation occupation = new Occupation("Accountants and Auditors", "13-2011.00");
    Task task = new Task("task-" + n, "Quarterly summary " + n, occupation, "Finance and Insurance",
        new TaskRequest("Finance Director", "Please summarise the quarter's figures in one page."), List.of(),
        new DeliverableSpec(List.of(FileFormat.MD), "A summary"),
        new Baseline(List.of("baseline/summary.md"), 60, 50, null, null), List.of(), null, List.of(), null);
    String text = "# Summary " + n + "\n\n" + "The quarter closed with revenue up 4% and costs flat. ".repeat(40) + "\n";
    List<CampaignFile> model = new ArrayList<>(List.of(
        CampaignFile.put(blobs, "answer.md", (text + "Model.\n").getBytes(StandardCharsets.UTF_8), null)));
    List<CampaignFile> human = new ArrayList<>(List.of(
        CampaignFile.put(blobs, "summary.md", (text + "Human.\n").getBytes(StandardCharsets.UTF_8), null)));
    if (docx) {
      model.add(CampaignFile.put(blobs, "answer.docx", docx(n, "Model"), null));
      human.add(CampaignFile.put(blobs, "summary.docx", docx(n, "Human"), null));
    }
    return new Candidate(task, "model", 0, "bench/" + n, model, human, List.of());
  }

  /** A memo of about three pages, distinct per pair and side, so that every file is drawn. */
  private static byte[] docx(int n, String who) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Quarterly summary " + n + " (" + who + ")");
      for (int p = 0; p < 24; p++) {
        document.createParagraph().createRun().setText(("Paragraph " + (p + 1) + " of summary " + n
            + ": revenue rose 4% on the quarter while costs stayed flat, and the margin improved. ").repeat(3));
      }
      XWPFTable table = document.createTable(6, 3);
      for (int r = 0; r < 6; r++) {
        for (int c = 0; c < 3; c++) {
          table.getRow(r).getCell(c).setText(r == 0 ? "Column " + (c + 1) : Integer.toString(n * 100 + r * 10 + c));
        }
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many renders are done, failed and still waiting. */
  private static String renders(Database database) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (RenderStatus status : RenderStatus.values()) {
      counts.put(status.id(), database.read("count renders", h -> h.first(
          "SELECT COUNT(*) FROM grading_page_renders WHERE status = ?", r -> r.integer(1), status.id()).orElse(0)));
    }
    return counts.toString();
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
        HttpResponse<String> page = send(Kind.PAGE, get(location), 200);
        if (page == null) {
          return;
        }
        images(page.body());
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

    /** The page images a browser would fetch with the page (thumbnails share their addresses). */
    private void images(String html) {
      Matcher image = IMAGE.matcher(html);
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (image.find()) {
        if (seen.add(image.group(1))) {
          sendNow(Kind.IMAGE, get(image.group(1)), 200);
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
      return sendNow(kind, request, expected);
    }

    /** A request without thinking first, as a browser fetches a page's images. */
    private HttpResponse<String> sendNow(Kind kind, HttpRequest request, int expected) {
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
