package dev.parity.graders.web;

import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.Assignments;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.judgments.Judgment;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.graders.baseline.BaselineCampaigns;
import dev.parity.graders.baseline.WorkFiles;
import dev.parity.graders.baseline.Workbench;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The grading web app: graders sign in through invites, work through their queue and judge
 * blinded pairs; administrators follow campaigns and export judgments. Server-rendered pages with
 * one small script. Every route checks who asks; every state change needs the session's CSRF
 * token; every response forbids inline scripts and outside loads (see docs/grading.md).
 *
 * <p>Start one with {@link #builder}; {@link #close} stops it. Several servers (replicas) may serve
 * one database: sessions, drafts and the sign-in limiter live in it, and CSRF tokens are derived
 * from the session, so a grader's requests may go to any of them (docs/teams.md).
 */
public final class GradingServer implements AutoCloseable {
  private final Javalin app;
  private final String url;

  private GradingServer(Javalin app, String url) {
    this.app = app;
    this.url = url;
  }

  /** A server on the campaign tables of {@code database}, with files in {@code blobs}. */
  public static Builder builder(Database database, BlobStore blobs) {
    return new Builder(database, blobs);
  }

  /** The port it listens on (useful after starting on port 0). */
  public int port() {
    return app.port();
  }

  /** The address it serves, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Settings of a server; every one has a default but the database and the blobs. */
  public static final class Builder {
    private final Database database;
    private final BlobStore blobs;
    private Clock clock = Clock.systemUTC();
    private DeliverableView view = DeliverableView.plain();
    private String host = "127.0.0.1";
    private int port = 8080;
    private String publicUrl;
    private int bcryptStrength = 10;
    private Function<List<Judgment>, String> report;
    private RenderQueue pages;

    private Builder(Database database, BlobStore blobs) {
      this.database = Objects.requireNonNull(database, "database");
      this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How files are rendered and stripped (default {@link DeliverableView#plain()}). */
    public Builder view(DeliverableView view) {
      this.view = Objects.requireNonNull(view, "view");
      return this;
    }

    /**
     * Shows files as page images drawn by {@code pages} (in the background; a file not drawn yet
     * shows "rendering…" and refreshes itself), with the HTML view as a second tab. Without it
     * (the default) files are shown as HTML only. The caller closes the queue after the server.
     */
    public Builder pages(RenderQueue pages) {
      this.pages = Objects.requireNonNull(pages, "pages");
      return this;
    }

    /** The address to listen on (default 127.0.0.1) and the port (default 8080; 0 for any free one). */
    public Builder listen(String host, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
      }
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /**
     * The address graders reach the app at, for invite links, e.g. {@code https://grading.example.org}.
     * With an https address, cookies are marked Secure. Default: the address of the request.
     */
    public Builder publicUrl(String publicUrl) {
      this.publicUrl = publicUrl;
      return this;
    }

    /** bcrypt's work factor for new passwords (default 10; 4 is for tests only). */
    public Builder bcryptStrength(int strength) {
      if (strength < 4 || strength > 31) {
        throw new IllegalArgumentException("bcrypt strength must be 4 to 31, not " + strength);
      }
      this.bcryptStrength = strength;
      return this;
    }

    /** Renders the statistics report of a campaign's judgments as one HTML page; none by default. */
    public Builder report(Function<List<Judgment>, String> report) {
      this.report = report;
      return this;
    }

    /** Starts the server; it serves until {@link GradingServer#close}. */
    public GradingServer start() {
      Accounts accounts = new Accounts(database, clock, new SecureRandom(), bcryptStrength);
      Campaigns campaigns = new Campaigns(database, blobs, clock);
      Assignments assignments = new Assignments(database, clock);
      Templates templates = new Templates();
      Guard guard = new Guard(accounts, publicUrl != null && publicUrl.startsWith("https://"));
      FileViews files = new FileViews(blobs, view, pages);
      SignInLimiter limiter = new SignInLimiter(database, clock);
      limiter.forgetStale();
      AuthPages auth = new AuthPages(accounts, guard, templates, limiter);
      GraderPages grader = new GraderPages(assignments, guard, templates, files);
      WorkPages work = new WorkPages(new Workbench(database, clock), guard, templates, files);
      BaselineAdminPages baselines = new BaselineAdminPages(new BaselineCampaigns(database, clock), guard, templates);
      AdminPages admin = new AdminPages(campaigns, accounts, guard, templates, report, publicUrl);
      Map<String, Asset> assets = Map.of(
          "app.js", new Asset("text/javascript; charset=utf-8", resource("static/app.js")),
          "app.css", new Asset("text/css; charset=utf-8", resource("static/app.css")),
          "render.css", new Asset("text/css; charset=utf-8", files.stylesheet().getBytes(StandardCharsets.UTF_8)));

      Javalin app = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = 1_000_000;
        // Uploads of the work page: the checks refuse a file over WorkFiles.MAX_FILE_BYTES with a
        // message; the server refuses a part well over it before reading it whole.
        config.jetty.multipartConfig.maxFileSize(WorkFiles.MAX_FILE_BYTES + 1024 * 1024, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(WorkFiles.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.routes.before(ctx -> {
          Guard.headers(ctx);
          guard.checkCsrf(ctx);
        });
        config.routes.after(ctx -> {
          if ("text/html".equals(ctx.res().getContentType())) {
            ctx.contentType("text/html; charset=utf-8");
          }
        });
        config.routes.get("/", ctx -> ctx.redirect(guard.session(ctx).isPresent() ? "/queue" : "/sign-in"));
        config.routes.get("/static/{name}", ctx -> asset(ctx, assets));
        config.routes.get("/favicon.ico", ctx -> ctx.status(204));
        config.routes.get("/sign-in", auth::signInForm);
        config.routes.post("/sign-in", auth::signIn);
        config.routes.post("/sign-out", auth::signOut);
        config.routes.get("/invite/{token}", auth::inviteForm);
        config.routes.post("/invite/{token}", auth::acceptInvite);
        config.routes.get("/queue", grader::queue);
        config.routes.get("/next", grader::next);
        config.routes.get("/a/{id}", grader::assignment);
        config.routes.post("/a/{id}/draft", grader::draft);
        config.routes.post("/a/{id}/submit", grader::submit);
        config.routes.get("/a/{id}/files/{side}/{n}", grader::download);
        config.routes.get("/a/{id}/files/{side}/{n}/pages/{page}", grader::pageImage);
        config.routes.get("/a/{id}/files/{side}/{n}/text", grader::text);
        config.routes.get("/work", work::list);
        config.routes.get("/w/{id}", work::page);
        config.routes.post("/w/{id}/start", work::start);
        config.routes.post("/w/{id}/pause", work::pause);
        config.routes.post("/w/{id}/resume", work::resume);
        config.routes.post("/w/{id}/files", work::upload);
        config.routes.post("/w/{id}/files/remove", work::remove);
        config.routes.post("/w/{id}/save", work::save);
        config.routes.post("/w/{id}/submit", work::submit);
        config.routes.get("/w/{id}/files/{side}/{n}", work::download);
        config.routes.get("/w/{id}/files/{side}/{n}/pages/{page}", work::pageImage);
        config.routes.get("/w/{id}/files/{side}/{n}/text", work::text);
        config.routes.get("/admin", admin::home);
        config.routes.get("/admin/baselines", baselines::list);
        config.routes.get("/admin/baselines/{id}", baselines::campaign);
        config.routes.post("/admin/baselines/{id}/choose", baselines::choose);
        config.routes.get("/admin/baselines/{id}/work.csv", baselines::csv);
        config.routes.post("/admin/graders/{grader}/invite", admin::invite);
        config.routes.get("/admin/campaigns/{id}", admin::campaign);
        config.routes.get("/admin/campaigns/{id}/judgments.csv", admin::judgments);
        config.routes.get("/admin/campaigns/{id}/rubric-scores.csv", admin::rubricScores);
        config.routes.get("/admin/campaigns/{id}/report", admin::report);
        config.routes.exception(HttpError.class, (e, ctx) -> error(ctx, templates, e.status, e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
          HttpError refused = UploadRefusal.of(e).orElse(new HttpError(500,
              "Something went wrong on the server. What you entered is kept; try again in a moment."));
          error(ctx, templates, refused.status, refused.getMessage());
        });
        config.routes.error(404, ctx -> {
          String type = ctx.res().getContentType();
          if (type == null || !type.startsWith("text/html")) {
            error(ctx, templates, 404, "There is no such page.");
          }
        });
      });
      app.start(host, port);
      String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
      return new GradingServer(app, "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + app.port());
    }
  }

  private record Asset(String contentType, byte[] bytes) {}

  private static void asset(Context ctx, Map<String, Asset> assets) {
    Asset asset = assets.get(ctx.pathParam("name"));
    if (asset == null) {
      throw new HttpError(404, "There is no such file.");
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(asset.contentType());
    ctx.result(asset.bytes());
  }

  private static void error(Context ctx, Templates templates, int status, String message) {
    if (status == 302) {
      return;
    }
    ctx.status(status);
    if (ctx.method().name().equals("POST") && ctx.path().endsWith("/draft")) {
      ctx.json(Map.of("error", message));
      return;
    }
    String heading = switch (status) {
      case 401 -> "Please sign in";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "Changed elsewhere";
      case 422 -> "Please check your entries";
      default -> "Something went wrong";
    };
    ctx.html(templates.render("message", Page.message(heading, null, heading, message, "/", "Back to the start")));
  }

  private static byte[] resource(String name) {
    try (InputStream in = GradingServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
