package dev.parity.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The workload the {@code ./parity} launcher records the loaded classes of, to build the
 * class-data-sharing archive that later commands start from (docs/design/0007-start-up.md).
 *
 * <p>It runs the commands whose start-up a user waits for, in-process with their output
 * discarded: the usages, {@code suite info} (as {@link Main} runs it, and through picocli) and
 * {@code validate} of the sample suite, and a run of
 * it through the replay model of recorded answers into a throw-away store, then {@code run show},
 * {@code runs} and {@code report} of that run with the sample judgments file; and a run of it
 * over HTTP, against an OpenAI-compatible server of its own on 127.0.0.1, so that the HTTP client's classes (OkHttp, Okio, Kotlin's library: about 200 from
 * the jar) are in the archive for runs against real providers. A command that fails still loaded
 * its classes, so failures are ignored: the archive is an optimisation and the launcher works
 * without one.
 */
final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path sample = DemoCommand.SampleSuite.locate();
    Path answers = sample.resolveSibling("sample-answers").resolve("example-model");
    Path scratch = Files.createTempDirectory("parity-training");
    try {
      Path models = scratch.resolve("models.json");
      Files.writeString(models, Json.write(Map.of("models", List.of(Map.of(
          "name", "example-model", "provider", "replay", "model", answers.toAbsolutePath().toString())))));
      String db = scratch.resolve("parity.db").toString();
      // `parity --help` and `parity suite info` as Main serves them, without a command line; the
      // second suite info reads the load cache the first wrote.
      TopLevelHelp.print(new String[] {"--help"}, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      for (int i = 0; i < 2; i++) {
        DirectSuiteInfo.run(DirectSuiteInfo.of("suite", "info", sample.toString()).orElseThrow(),
            new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
      }
      HttpServer server = modelServer();
      try {
        train(sample, models, db, scratch, server == null ? null
            : "openai-compatible:example-model@http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
      } finally {
        if (server != null) {
          server.stop(0);
        }
      }
    } finally {
      delete(scratch);
    }
  }

  /**
   * An OpenAI-compatible server on 127.0.0.1 that answers every call at once; null where none can
   * be opened (a sandbox without a network): the archive is then trained without a run over HTTP.
   */
  private static HttpServer modelServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/v1/chat/completions", StartupTraining::answer);
      server.start();
      return server;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Runs each command the archive is trained on, with the replay model and, unless null, the
   * OpenAI-compatible {@code httpModel}.
   */
  private static void train(Path sample, Path models, String db, Path scratch, String httpModel) {
    Path judgments = sample.resolveSibling("sample-answers").resolve("judgments.example.csv");
    List<List<String>> commands = new ArrayList<>(List.of(
        List.of("--help"),
        List.of("--version"),
        List.of("run", "--help"),
        List.of("validate", sample.toString()),
        List.of("suite", "info", sample.toString()),
        // Again: the first read the suite and wrote the load cache, this one reads the cache.
        List.of("suite", "info", sample.toString()),
        List.of("run", "--suite", sample.toString(), "--models", models.toString(), "--db", db,
            "--run-id", "training"),
        List.of("run", "show", "training", "--db", db),
        List.of("runs", "--db", db),
        // A report of the run and a judgments file: the statistics, the CSV reader and the
        // writers are a few hundred classes and lambdas `report` would otherwise load from the jar.
        List.of("report", "--run", "training", "--db", db, "--judgments", judgments.toString(),
            "--out", scratch.resolve("report").toString(), "--bootstrap", "200")));
    if (httpModel != null) {
      commands.add(List.of("run", "--suite", sample.toString(), "--model", httpModel, "--db", db,
          "--run-id", "training-http"));
    }
    for (List<String> command : commands) {
      String[] arguments = command.toArray(String[]::new);
      // As Main builds it: a run's suite loading before the command line is built.
      SuitePreload preload = SuitePreload.start(arguments);
      CommandLine parity = ParityCommand.commandLine(arguments);
      preload.offerTo(parity);
      parity.setOut(new PrintWriter(Writer.nullWriter()));
      parity.setErr(new PrintWriter(Writer.nullWriter()));
      parity.execute(arguments);
    }
  }

  /** A Chat Completions answer, as an OpenAI-compatible server sends it: a short memo. */
  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body = ("{\"id\": \"chatcmpl-training\", \"object\": \"chat.completion\", \"model\": \"example-model\","
        + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"# Memo\\n\\nDone.\"},"
        + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 100, \"completion_tokens\": 10,"
        + " \"total_tokens\": 110}}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
