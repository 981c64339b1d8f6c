package dev.parity.documents.vetting;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys by their providers' prefixes and shapes, private key blocks, JWTs (whose header
 * decodes to JSON naming an algorithm) and passwords in connection strings and config lines
 * (not placeholders such as {@code ${VAR}} or {@code <redacted>}). A bare hex digest, UUID or
 * commit id is not a key: nothing says whose it is or that it opens anything.
 */
final class Secrets implements Detector {
  private static final String NOT_AFTER = "(?<![A-Za-z0-9_-])";
  private static final Pattern API_KEY = Pattern.compile(NOT_AFTER + "(?:"
      + "sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{20,}"          // Anthropic
      + "|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"       // OpenAI
      + "|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"              // Stripe secret and restricted keys
      + "|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}"         // AWS access key ids
      + "|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}" // GitHub
      + "|xox[abposre]-[A-Za-z0-9-]{10,}"                        // Slack
      + "|AIza[0-9A-Za-z_-]{35}"                                 // Google
      + "|glpat-[A-Za-z0-9_-]{20,}"                              // GitLab
      + "|hf_[A-Za-z0-9]{30,}"                                   // Hugging Face
      + "|npm_[A-Za-z0-9]{36}"                                   // npm
      + "|SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"            // SendGrid
      + "|AC[0-9a-f]{32}|SK[0-9a-f]{32}"                         // Twilio
      + ")(?![A-Za-z0-9_-])");
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-{4,5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-{4,5}(?:[\\s\\S]{0,8000}?-{4,5}END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-{4,5})?");
  private static final Pattern JWT = Pattern.compile(NOT_AFTER + "([A-Za-z0-9_-]{10,})\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_.-])");
  /** user:password@ in a URL. */
  private static final Pattern URL_PASSWORD = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@");
  /** A config or connection-string entry whose name says password: {@code password = x}, {@code Pwd=x;}. */
  private static final Pattern CONFIG_PASSWORD = Pattern.compile(
      "(?i)(?<![A-Za-z0-9])[\\w.-]*(?:password|passwd|passphrase|pwd|secret)[\\w.-]*[\"']?\\s*(?:=|:|=>)\\s*([\"']?)([^\\s\"';,]+)\\1");
  /**
   * Values that stand for a password without being one: ${VAR}, {{var}}, <redacted>, %VAR%, $VAR, ****,
   * and the placeholders redaction writes ([API_KEY-1]), so that a redacted copy vets clean.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)\\[[A-Z0-9_]+-\\d+]|\\$\\{.*|\\{\\{.*|<.*|%[\\w.]+%|\\$[A-Za-z_]\\w*|\\*+|x{3,}|\\.{3,}|redacted|changeme|password|secret|none|null|"
          + "true|false|required|optional|env\\(.*|os\\.environ.*|process\\.env.*|getenv.*");

  @Override
  public void find(String text, String label, List<Hit> out) {
    Hit.addAll(Kinds.API_KEY, API_KEY, text, out);
    Hit.addAll(Kinds.PRIVATE_KEY, PRIVATE_KEY, text, out);
    Matcher jwt = JWT.matcher(text);
    while (jwt.find()) {
      if (isJwtHeader(jwt.group(1))) {
        out.add(new Hit(Kinds.JWT, jwt.start(), jwt.end()));
      }
    }
    Matcher url = URL_PASSWORD.matcher(text);
    while (url.find()) {
      if (!isPlaceholder(url.group(1))) {
        out.add(new Hit(Kinds.PASSWORD, url.start(1), url.end(1)));
      }
    }
    Matcher config = CONFIG_PASSWORD.matcher(text);
    while (config.find()) {
      if (!isPlaceholder(config.group(2)) && config.group(2).length() >= 4) {
        out.add(new Hit(Kinds.PASSWORD, config.start(2), config.end(2)));
      }
    }
  }

  static boolean isPlaceholder(String value) {
    return PLACEHOLDER.matcher(value).matches();
  }

  /** Whether the first part decodes (base64url) to a JSON object that names an {@code alg}. */
  static boolean isJwtHeader(String part) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8).strip();
      return json.startsWith("{") && json.endsWith("}") && json.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
