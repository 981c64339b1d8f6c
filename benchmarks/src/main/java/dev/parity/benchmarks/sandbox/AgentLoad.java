package dev.parity.benchmarks.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.run.RunControl;
import dev.parity.harness.run.RunOutcome;
import dev.parity.harness.run.RunPlan;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.run.Runner;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agent attempts at scale: N tasks (default 200), each answered by a fake Chat Completions server
 * on 127.0.0.1 with 5 shell tool calls (the first writes outputs/memo.md, the others append to it)
 * and then submit, through the real runner, client, tool loop and bubblewrap sandboxes, at
 * {@code --sandboxes S} (default 8). Prints the statuses, the wall time, tool calls per second and
 * the JVM's peak resident memory.
 *
 * <p>What it measures: the harness's own cost of agent attempts — sandbox start-up per tool call,
 * workspace preparation and clean-up, the loop, the store — with a model that answers at once.
 * What it does not: a model's latency or LibreOffice. Run: {@code benchmarks/agent-load.sh [N] [S]};
 * last numbers in docs/agents.md.
 */
public final class AgentLoad {
  private static final int TOOL_CALLS = 5;
  private static final Pattern TOOL_MESSAGES = Pattern.compile("\"role\"\\s*:\\s*\"tool\"");

  private AgentLoad() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int sandboxes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path root = Files.createTempDirectory("parity-agent-load");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
    Suite suite = suite(root.resolve("suite"), tasks);
    AtomicLong requests = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    // Its threads are not daemons: the pool is shut down at the end, or the JVM would not exit.
    ExecutorService handlers = Executors.newFixedThreadPool(8);
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.incrementAndGet();
      byte[] answer = answer(body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
    SandboxBackend backend = LocalSandboxBackend.bubblewrap(root.resolve("sandboxes"));
    ModelConfig model = ModelSpecs.parse("openai-compatible:bench@http://127.0.0.1:" + server.getAddress().getPort()
        + "/v1");
    model = new ModelConfig(model.name(), model.provider(), model.model(), model.baseUrl(), null, null, null,
        new ModelConfig.Limits(2 * sandboxes, null, null), null, false, null);
    AgentSettings agent = AgentSettings.of("shell", backend.kind()).withSandboxes(sandboxes);
    try (Store store = Store.open(root.resolve("parity.db"))) {
      ModelClients clients = ModelClients.builder().registerInstalled().environment(name -> null).build();
      Runner runner = Runner.builder(store, clients::create).sandboxes(backend).build();
      long start = System.nanoTime();
      RunOutcome outcome = runner.run(new RunPlan("load", suite, List.of(model), RunSettings.DEFAULT.withAgent(agent)),
          new RunControl());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%d agent attempts x %d tool calls, --sandboxes %d%n", tasks, TOOL_CALLS,
          sandboxes);
      System.out.println("statuses: " + outcome.attempts());
      System.out.printf(Locale.ROOT, "wall time %.1f s; %.1f tool calls/s; %d model requests%n", seconds,
          tasks * TOOL_CALLS / seconds, requests.get());
      System.out.println("peak resident memory of the JVM: " + peakRss());
    } finally {
      server.stop(0);
      handlers.shutdownNow();
    }
  }

  /** A shell call while fewer than 5 results came back, then submit. */
  private static String answer(String body) {
    Matcher tools = TOOL_MESSAGES.matcher(body);
    int done = 0;
    while (tools.find()) {
      done++;
    }
    String call = done < TOOL_CALLS
        ? "{\"id\":\"call_" + done + "\",\"type\":\"function\",\"function\":{\"name\":\"shell\",\"arguments\":"
            + "\"{\\\"command\\\": \\\"echo 'line " + done + "' >> outputs/memo.md\\\"}\"}}"
        : "{\"id\":\"call_submit\",\"type\":\"function\",\"function\":{\"name\":\"submit\",\"arguments\":\"{}\"}}";
    return "{\"id\":\"chatcmpl-load\",\"model\":\"bench\",\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\","
        + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]}}],"
        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":10}}";
  }

  private static String peakRss() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM"))
        .map(line -> line.substring("VmHWM:".length()).trim()).findFirst().orElse("unknown");
  }

  private static Suite suite(Path root, int tasks) throws IOException {
    Files.createDirectories(root.resolve("tasks"));
    Files.writeString(root.resolve("suite.json"),
        "{\"name\": \"agent-load\", \"version\": \"1.0\", \"format_version\": 1}\n");
    for (int i = 1; i <= tasks; i++) {
      String id = String.format(Locale.ROOT, "T%04d", i);
      Path folder = Files.createDirectories(root.resolve("tasks").resolve(id));
      Files.writeString(folder.resolve("baseline.md"), "# Memo\n\nThe professional's memo.\n");
      Files.writeString(folder.resolve("task.json"), """
          {"id": "%s", "title": "Memo %s",
           "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
           "sector": "Finance and Insurance",
           "request": {"from": "Director", "text": "Task %s: write a memo."},
           "deliverable": {"formats": ["md"]},
           "baseline": {"files": ["baseline.md"], "minutes": 60, "hourly_wage_usd": 50},
           "rubric": [{"id": "memo", "criterion": "It is a memo.", "points": 1}]}
          """.formatted(id, id, id));
    }
    return SuiteLoader.create().load(root);
  }
}
