package dev.parity.graders.web;

import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.Session;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Signing in (limited per account and per address), signing out, and accepting an invite by setting a password. */
final class AuthPages {
  private final Accounts accounts;
  private final Guard guard;
  private final Templates templates;
  private final SignInLimiter limiter;

  AuthPages(Accounts accounts, Guard guard, Templates templates, SignInLimiter limiter) {
    this.accounts = accounts;
    this.guard = guard;
    this.templates = templates;
    this.limiter = limiter;
  }

  void signInForm(Context ctx) {
    if (guard.session(ctx).isPresent()) {
      ctx.redirect("/queue");
      return;
    }
    showSignIn(ctx, null, "");
  }

  private void showSignIn(Context ctx, String error, String login) {
    Map<String, Object> model = Page.of("Sign in", null);
    model.put("formToken", guard.formToken(ctx, true));
    model.put("error", error);
    model.put("login", login);
    ctx.html(templates.render("sign-in", model));
  }

  void signIn(Context ctx) {
    String login = Optional.ofNullable(ctx.formParam("login")).orElse("").strip();
    // Tries count against the grader whichever name they use; a name of no one counts as itself.
    String account = accounts.account(login).orElseGet(() -> "name:" + login.toLowerCase(Locale.ROOT));
    Optional<Duration> wait = limiter.start(account, ctx.ip());
    if (wait.isPresent()) {
      ctx.status(429);
      showSignIn(ctx, "Too many failed sign-ins. Try again in " + minutes(wait.get()) + ".", login);
      return;
    }
    Optional<Session> session = accounts.signIn(login, ctx.formParam("password"));
    if (session.isEmpty()) {
      ctx.status(401);
      showSignIn(ctx, "That grader id or e-mail and password do not match.", login);
      return;
    }
    limiter.succeeded(account, ctx.ip());
    guard.startSession(ctx, session.get());
    ctx.redirect("/queue");
  }

  private static String minutes(Duration wait) {
    long minutes = (wait.toSeconds() + 59) / 60;
    return minutes <= 1 ? "a minute" : minutes + " minutes";
  }

  void signOut(Context ctx) {
    guard.endSession(ctx);
    ctx.redirect("/sign-in");
  }

  void inviteForm(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<Grader> grader = accounts.invited(token);
    if (grader.isEmpty()) {
      invalidInvite(ctx);
      return;
    }
    showInvite(ctx, token, grader.get(), null);
  }

  private void showInvite(Context ctx, String token, Grader grader, String error) {
    Map<String, Object> model = Page.of("Welcome", null);
    model.put("name", grader.displayName());
    model.put("token", token);
    model.put("formToken", guard.formToken(ctx, true));
    model.put("minChars", Accounts.MIN_PASSWORD_CHARS);
    model.put("error", error);
    ctx.html(templates.render("invite", model));
  }

  void acceptInvite(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<Grader> grader = accounts.invited(token);
    if (grader.isEmpty()) {
      invalidInvite(ctx);
      return;
    }
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (!password.equals(ctx.formParam("confirm"))) {
      ctx.status(422);
      showInvite(ctx, token, grader.get(), "The two passwords differ.");
      return;
    }
    try {
      Optional<Session> session = accounts.acceptInvite(token, password);
      if (session.isEmpty()) {
        invalidInvite(ctx);
        return;
      }
      guard.startSession(ctx, session.get());
      ctx.redirect("/queue");
    } catch (InvalidCampaignException e) {
      ctx.status(422);
      showInvite(ctx, token, grader.get(), "Choose another password: " + String.join("; ", e.problems()) + ".");
    }
  }

  private void invalidInvite(Context ctx) {
    ctx.status(410);
    ctx.html(templates.render("message", Page.message("Invite", null, "This invite link does not work",
        "It was used already, or it has expired. Ask your coordinator for a new one, or sign in if you have a password.",
        "/sign-in", "Sign in")));
  }
}
