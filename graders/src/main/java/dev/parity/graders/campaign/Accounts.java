package dev.parity.graders.campaign;

import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.store.Row;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Graders' accounts: one-time invites, passwords (bcrypt), and sign-in sessions. Tokens are 256
 * random bits; the store keeps only their sha256, so a copy of the database signs no one in. A
 * session's CSRF token is derived from its token ({@link #csrfToken}), so every server on the
 * database checks it without storing it or sharing a key. Thread-safe.
 */
public final class Accounts {
  /** How long a session lasts from sign-in. */
  public static final Duration SESSION_LENGTH = Duration.ofHours(12);
  /** The shortest password accepted. */
  public static final int MIN_PASSWORD_CHARS = 10;
  // bcrypt reads at most 72 bytes of a password.
  private static final int MAX_PASSWORD_BYTES = 72;
  private static final String GRADER = "SELECT id, display_name, email, occupations, role, hourly_wage_usd FROM grading_graders";
  private static final String SIGN_IN = "SELECT id, password_hash FROM grading_graders"
      + " WHERE (LOWER(id) = ? OR email = ?) AND password_hash IS NOT NULL";

  private final Database db;
  private final Clock clock;
  private final SecureRandom random;
  private final int bcryptStrength;
  // Checked against when no grader matches, so a wrong name costs as long as a wrong password.
  private final String decoyHash;

  /**
   * Accounts in the tables of {@code dataSource} (migrated already).
   *
   * @param bcryptStrength bcrypt's log2 work factor, 4 to 31; 10 or more for real use
   */
  public Accounts(Database database, Clock clock, SecureRandom random, int bcryptStrength) {
    this.db = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.bcryptStrength = bcryptStrength;
    this.decoyHash = BCrypt.hashpw("decoy password", BCrypt.gensalt(bcryptStrength, random));
  }

  /** The grader with this id. */
  public Optional<Grader> grader(String id) {
    return db.read("read grader " + id, c -> c.first(GRADER + " WHERE id = ?", Accounts::grader, id));
  }

  /** Every grader on the roster, by id. */
  public List<Grader> graders() {
    return db.read("list graders", c -> c.list(GRADER + " ORDER BY id", Accounts::grader));
  }

  /**
   * A new one-time invite for a grader: the token goes in the invite link; it sets a password
   * once, within {@code validity}. Earlier invites stay valid until used or expired.
   *
   * @throws InvalidCampaignException when there is no such grader
   */
  public String invite(String graderId, Duration validity) {
    if (grader(graderId).isEmpty()) {
      throw new InvalidCampaignException("invite", List.of("no grader has the id \"" + graderId
          + "\"; graders come from the graders.csv of a campaign"));
    }
    String token = token();
    Instant now = clock.instant();
    db.transaction("invite " + graderId, c -> c.update("INSERT INTO grading_invites (token_hash, grader_id, created_at,"
        + " expires_at) VALUES (?, ?, ?, ?)", hash(token), graderId, now.toString(), now.plus(validity).toString()));
    return token;
  }

  /** The grader an unused, unexpired invite is for. */
  public Optional<Grader> invited(String token) {
    return db.read("read an invite", c -> c.first(GRADER + " WHERE id = (SELECT grader_id FROM grading_invites"
        + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?)", Accounts::grader, hash(token),
        clock.instant().toString()));
  }

  /**
   * Uses an invite: sets the grader's password, spends the token, and signs the grader in, in one
   * transaction. Empty when the invite is unknown, used or expired.
   *
   * @throws InvalidCampaignException when the password is too short or too long
   */
  public Optional<Session> acceptInvite(String token, String password) {
    checkPassword(password);
    String hash = BCrypt.hashpw(password, BCrypt.gensalt(bcryptStrength, random));
    String now = clock.instant().toString();
    Optional<String> graderId = db.transaction("accept an invite", c -> {
      Optional<String> id = c.first("SELECT grader_id FROM grading_invites WHERE token_hash = ? AND used_at IS NULL"
          + " AND expires_at > ?", r -> r.text(1), hash(token), now);
      if (id.isPresent()) {
        c.update("UPDATE grading_invites SET used_at = ? WHERE token_hash = ?", now, hash(token));
        c.update("UPDATE grading_graders SET password_hash = ? WHERE id = ?", hash, id.get());
      }
      return id;
    });
    return graderId.map(this::startSession);
  }

  /**
   * Signs in with a grader id or e-mail and a password. Empty when either is wrong (always after
   * a bcrypt check, so a wrong name takes as long as a wrong password).
   */
  public Optional<Session> signIn(String login, String password) {
    String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    Optional<String[]> found = db.read("sign in", c -> c.first(SIGN_IN,
        r -> new String[] {r.text(1), r.text(2)}, name, name));
    String candidate = password == null ? "" : password;
    boolean ok = candidate.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
        && BCrypt.checkpw(candidate, found.map(f -> f[1]).orElse(decoyHash)) && found.isPresent();
    return ok ? Optional.of(startSession(found.get()[0])) : Optional.empty();
  }

  /** The live session this cookie token belongs to. */
  public Optional<Session> session(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return db.read("read a session", c -> c.first("SELECT g.id, g.display_name, g.email, g.occupations, g.role,"
        + " g.hourly_wage_usd FROM grading_sessions s JOIN grading_graders g ON g.id = s.grader_id"
        + " WHERE s.token_hash = ? AND s.expires_at > ?",
        r -> new Session(token, csrfToken(token), grader(r)), hash(token), clock.instant().toString()));
  }

  /**
   * The CSRF token of the session with this cookie token: a hash of it under its own label, so it
   * tells nothing of the cookie, a page that shows it signs no one in, and the store (which keeps a
   * different hash of the cookie token) cannot make it.
   */
  static String csrfToken(String sessionToken) {
    return hash("parity-csrf-v1:" + sessionToken);
  }

  /**
   * The id of the grader that signs in with {@code login} (an id or an e-mail, in any case), when
   * there is one with a password: what the sign-in limiter counts tries against.
   */
  public Optional<String> account(String login) {
    String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    return db.read("find the account of a sign-in", c -> c.first(SIGN_IN, r -> r.text(1), name, name));
  }

  /** Ends a session (signing out); a no-op for an unknown token. */
  public void endSession(String token) {
    db.transaction("sign out", c -> c.update("DELETE FROM grading_sessions WHERE token_hash = ?", hash(token)));
  }

  /** Starts a session for a grader without a password: for tools and tests that act as a grader. */
  public Session startSession(String graderId) {
    String token = token();
    Instant now = clock.instant();
    db.transaction("start a session", c -> {
      c.update("DELETE FROM grading_sessions WHERE expires_at <= ?", now.toString());
      return c.update("INSERT INTO grading_sessions (token_hash, grader_id, created_at, expires_at)"
          + " VALUES (?, ?, ?, ?)", hash(token), graderId, now.toString(), now.plus(SESSION_LENGTH).toString());
    });
    return session(token).orElseThrow();
  }

  private static void checkPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
      throw new InvalidCampaignException("the password", List.of("use at least " + MIN_PASSWORD_CHARS + " characters"));
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidCampaignException("the password", List.of("use at most " + MAX_PASSWORD_BYTES
          + " bytes (bcrypt reads no more)"));
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String token) {
    return BlobStore.sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  private static Grader grader(Row r) throws SQLException {
    return grader(r, 1);
  }

  /** The person in the six columns from {@code first}: id, name, e-mail, occupations, roles, wage. */
  private static Grader grader(Row r, int first) throws SQLException {
    return new Grader(r.text(first), r.text(first + 1), r.text(first + 2), occupations(r.text(first + 3)),
        Role.parseAll(r.text(first + 4)).orElseThrow(), r.real(first + 5));
  }

  private static List<String> occupations(String joined) {
    return Arrays.stream(joined.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
