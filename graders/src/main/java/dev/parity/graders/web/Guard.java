package dev.parity.graders.web;

import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.Session;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking and whether they may: sessions from the cookie, the admin role, CSRF tokens on
 * every state change, and the headers every response carries.
 */
final class Guard {
  static final String SESSION_COOKIE = "parity_session";
  static final String FORM_COOKIE = "parity_form";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  /** Scripts and styles from this server only, nothing inline, nothing from anywhere else. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  /** Pages reached before signing in, whose forms carry the pre-session token instead. */
  private static final Set<String> PRE_SESSION_POSTS = Set.of("/sign-in");
  private static final String SESSION_KEY = "parity.session";

  private final Accounts accounts;
  private final boolean secureCookies;
  private final SecureRandom random = new SecureRandom();

  Guard(Accounts accounts, boolean secureCookies) {
    this.accounts = accounts;
    this.secureCookies = secureCookies;
  }

  /** Headers on every response: the policy above, no sniffing, no referrer, no framing, no caching. */
  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  /** The signed-in session, if the cookie names a live one. */
  Optional<Session> session(Context ctx) {
    Session cached = ctx.attribute(SESSION_KEY);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Session> session = accounts.session(ctx.cookie(SESSION_COOKIE));
    session.ifPresent(s -> ctx.attribute(SESSION_KEY, s));
    return session;
  }

  /** The signed-in session; a page request without one goes to the sign-in page, anything else gets 401. */
  Session require(Context ctx) {
    return session(ctx).orElseThrow(() -> {
      if (ctx.method().name().equals("GET") && !ctx.path().endsWith(".csv")) {
        ctx.redirect("/sign-in");
        return new HttpError(302, "sign in first");
      }
      return new HttpError(401, "Sign in first.");
    });
  }

  /** The signed-in session of an admin; 403 for anyone else. */
  Session admin(Context ctx) {
    Session session = require(ctx);
    if (!session.grader().isAdmin()) {
      throw new HttpError(403, "This page is for campaign administrators.");
    }
    return session;
  }

  /**
   * Refuses a state-changing request without the right CSRF token: the session's (form field or
   * header), or before sign-in the one the sign-in form was given in its cookie.
   */
  void checkCsrf(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    String given = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> formToken(ctx));
    String expected;
    if (PRE_SESSION_POSTS.contains(ctx.path()) || ctx.path().startsWith("/invite/")) {
      expected = ctx.cookie(FORM_COOKIE);
    } else {
      expected = session(ctx).map(Session::csrfToken).orElse(null);
    }
    if (expected == null || given == null
        || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpError(403, "This form is out of date or did not come from this site (missing or wrong CSRF token). "
          + "Reload the page and try again.");
    }
  }

  private static String formToken(Context ctx) {
    return ctx.isFormUrlencoded() || ctx.isMultipartFormData() ? ctx.formParam(CSRF_FIELD) : null;
  }

  /** A fresh token for a form shown before sign-in, also set in its cookie. */
  String formToken(Context ctx, boolean reuse) {
    String existing = ctx.cookie(FORM_COOKIE);
    if (reuse && existing != null && existing.length() >= 40) {
      return existing;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    cookie(ctx, FORM_COOKIE, token, Duration.ofHours(2));
    return token;
  }

  void startSession(Context ctx, Session session) {
    cookie(ctx, SESSION_COOKIE, session.token(), Accounts.SESSION_LENGTH);
  }

  void endSession(Context ctx) {
    session(ctx).ifPresent(s -> accounts.endSession(s.token()));
    cookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
  }

  private void cookie(Context ctx, String name, String value, Duration maxAge) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
        + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
  }
}
