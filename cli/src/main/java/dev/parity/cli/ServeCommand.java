package dev.parity.cli;

import dev.parity.documents.PageRenderers;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.graders.web.GradingServer;
import dev.parity.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity serve}: the grading web app, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serves the grading web app: graders sign in with an invite link, judge their blinded pairs, and "
            + "administrators follow campaigns and export judgments. Runs until Ctrl-C.",
        "Create invite links with 'parity campaign invite' or on the admin page."
    },
    footer = {
        "",
        "Examples:",
        "  parity serve",
        "  parity serve --db grading.db --port 9000",
        "  parity serve --host 0.0.0.0 --public-url https://grading.example.org",
        "  parity serve --render-threads 2"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption db;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The port (default 8080; 0 for any free one).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "The address graders reach the app at, for invite links; an https address also marks cookies Secure.")
  String publicUrl;

  @Option(names = "--render-threads", paramLabel = "N", defaultValue = "1",
      description = "Threads drawing page images in the background (default 1; LibreOffice also caps its own"
          + " conversions). Page requests never wait for them.")
  int renderThreads;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Database database = db.open();
    PageRenderers.Opened renderer = PageRenderers.open();
    RenderQueue pages = PageImages.queue(database, renderer, renderThreads);
    int waiting = pages.resume();
    GradingServer server = GradingServer.builder(database, database.blobs()).view(new RenderedView()).pages(pages)
        .listen(host, port).publicUrl(publicUrl).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      pages.close();
      renderer.close();
      database.close();
      stopped.countDown();
    }, "parity-serve-shutdown"));
    out.println("Grading app at " + (publicUrl != null ? publicUrl : server.url()) + "/ (store " + db.name() + ")");
    out.println(PageImages.describe(renderer) + (waiting > 0 ? "; " + waiting + " files queued to draw" : "") + ".");
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
