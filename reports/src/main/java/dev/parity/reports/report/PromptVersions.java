package dev.parity.reports.report;

import dev.parity.judgments.CriterionScore;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge prompt versions a report pools. A model judge's grader identity ends in its prompt's
 * version ({@code openai:gpt-5 pairwise-v2@1a2b3c4d5e6f}, see the graders' {@code JudgePrompt}); two
 * versions of one prompt ask different questions (version 2 shows the judge the pages), so a report
 * that counts judgments or scores of both says so in a note, which report.json carries too.
 */
final class PromptVersions {
  /** A prompt's name, its version number and the start of its digest, at the end of a grader identity. */
  private static final Pattern VERSION = Pattern.compile("(?:^|\\s)([a-z][a-z-]*)-v(\\d+)@([0-9a-f]+)$");

  private PromptVersions() {}

  /** The note on prompts of which more than one version is pooled; empty when each has one. */
  static Optional<String> note(List<Judgment> judgments, List<CriterionScore> scores) {
    Map<String, Map<String, Integer>> byPrompt = new TreeMap<>();
    judgments.stream().filter(j -> j.graderType() == GraderType.MODEL).forEach(j -> count(byPrompt, j.grader()));
    scores.forEach(s -> count(byPrompt, s.grader()));
    List<String> mixed = new ArrayList<>();
    byPrompt.forEach((prompt, versions) -> {
      if (versions.size() > 1) {
        List<String> counted = new ArrayList<>();
        versions.forEach((version, n) -> counted.add(version + " (" + n + ")"));
        mixed.add(prompt + ": " + String.join(", ", counted));
      }
    });
    if (mixed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Judge prompts of different versions are pooled in these figures: " + String.join("; ", mixed)
        + ". The versions ask different questions (from version 2 the judge sees the documents' pages), so their"
        + " judgments may differ for that reason alone; grade again with one version to compare like with like.");
  }

  private static void count(Map<String, Map<String, Integer>> byPrompt, String grader) {
    Matcher m = VERSION.matcher(grader);
    if (m.find()) {
      byPrompt.computeIfAbsent(m.group(1), p -> new TreeMap<>())
          .merge(m.group(1) + "-v" + m.group(2) + "@" + m.group(3), 1, Integer::sum);
    }
  }
}
