package dev.parity.graders.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.judgments.PairwiseVerdict;
import java.util.Locale;

/**
 * Reads a judge's answer: one JSON object, found even when the model wraps it in a code fence or
 * adds words around it, as real judges do.
 */
public final class JudgeOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JudgeOutput() {}

  /** A pairwise verdict and its rationale. */
  public record Pairwise(PairwiseVerdict verdict, String rationale) {}

  /** A rubric criterion verdict and its rationale. */
  public record Rubric(RubricVerdict verdict, String rationale) {}

  /** @throws InvalidJudgeOutputException when there is no valid pairwise verdict in {@code text} */
  public static Pairwise pairwise(String text) {
    JsonNode json = object(text);
    String verdict = verdict(json);
    PairwiseVerdict parsed = switch (verdict) {
      case "a", "a is better", "deliverable a" -> PairwiseVerdict.A;
      case "b", "b is better", "deliverable b" -> PairwiseVerdict.B;
      case "tie", "as good", "as_good", "equal", "same" -> PairwiseVerdict.TIE;
      default -> throw new InvalidJudgeOutputException(
          "verdict \"" + verdict + "\" is not one of \"A\", \"B\", \"tie\"");
    };
    return new Pairwise(parsed, rationale(json));
  }

  /** @throws InvalidJudgeOutputException when there is no valid rubric verdict in {@code text} */
  public static Rubric rubric(String text) {
    JsonNode json = object(text);
    String verdict = verdict(json);
    RubricVerdict parsed = switch (verdict.replace(' ', '_')) {
      case "met", "yes", "true" -> RubricVerdict.MET;
      case "partly", "partially", "partially_met", "partial" -> RubricVerdict.PARTLY;
      case "not_met", "no", "false", "unmet" -> RubricVerdict.NOT_MET;
      default -> throw new InvalidJudgeOutputException(
          "verdict \"" + verdict + "\" is not one of \"met\", \"partly\", \"not_met\"");
    };
    return new Rubric(parsed, rationale(json));
  }

  private static String verdict(JsonNode json) {
    JsonNode verdict = json.get("verdict");
    if (verdict == null || !verdict.isTextual()) {
      throw new InvalidJudgeOutputException("the JSON answer has no \"verdict\" string: " + clip(json.toString()));
    }
    return verdict.asText().strip().toLowerCase(Locale.ROOT);
  }

  private static String rationale(JsonNode json) {
    JsonNode rationale = json.get("rationale");
    return rationale == null || rationale.isNull() ? "" : rationale.asText().strip();
  }

  /** The last JSON object in the text that parses: judges sometimes think aloud before answering. */
  private static JsonNode object(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidJudgeOutputException("the judge's answer is empty");
    }
    for (int end = text.lastIndexOf('}'); end >= 0; end = text.lastIndexOf('}', end - 1)) {
      for (int start = text.lastIndexOf('{', end); start >= 0; start = text.lastIndexOf('{', start - 1)) {
        try {
          JsonNode node = JSON.readTree(text.substring(start, end + 1));
          if (node != null && node.isObject() && node.has("verdict")) {
            return node;
          }
        } catch (JsonProcessingException e) {
          // not this span; try a wider one
        }
      }
    }
    throw new InvalidJudgeOutputException("no JSON object with a \"verdict\" in the judge's answer: " + clip(text));
  }

  private static String clip(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
  }
}
