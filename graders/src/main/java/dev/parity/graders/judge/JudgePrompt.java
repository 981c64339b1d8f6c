package dev.parity.graders.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge prompt: a versioned template in the repository with {@code {{placeholders}}}. Its
 * {@link #version()} — the file name and a digest of its text — is part of every judgment's grader
 * identity, so that judgments made with different prompts are never pooled by mistake.
 *
 * <p>Immutable and thread-safe.
 */
public final class JudgePrompt {
  /**
   * The pairwise prompt: two deliverables, A and B, which is better; the judge sees their pages
   * (version 2; version 1, {@code pairwise-v1.md}, showed text only and stays beside it for the
   * record of judgments made with it).
   */
  public static final JudgePrompt PAIRWISE = load("pairwise-v2.md");
  /** The rubric prompt: one deliverable, one criterion, met or not; the judge sees its pages (version 2). */
  public static final JudgePrompt RUBRIC_CRITERION = load("rubric-criterion-v2.md");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String name;
  private final String template;
  private final String version;

  private JudgePrompt(String name, String template) {
    this.name = name;
    this.template = template;
    this.version = name.replace(".md", "") + "@" + sha256(template).substring(0, 12);
  }

  /** A prompt from a template text, e.g. one a user supplies; {@code name} identifies it. */
  public static JudgePrompt of(String name, String template) {
    return new JudgePrompt(name, template);
  }

  /** {@code pairwise-v2@1a2b3c4d5e6f}: the template's name and the start of its sha256. */
  public String version() {
    return version;
  }

  public String name() {
    return name;
  }

  /**
   * The prompt with every placeholder replaced.
   *
   * @throws IllegalArgumentException naming a placeholder that has no value
   */
  public String render(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}} in " + name);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static JudgePrompt load(String resource) {
    try (InputStream in = JudgePrompt.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("judge prompt missing from the jar: " + resource);
      }
      return new JudgePrompt(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
