package dev.parity.graders.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a grader entered for an assignment, as they saw it (sides A and B), whether a draft or a
 * submission. Which side is the baseline is not here: the server adds it when it stores a verdict.
 *
 * @param verdict the verdict; null when not chosen yet (or when only a problem is flagged)
 * @param rubricA the ids of the rubric criteria side A meets
 * @param rubricB the ids of the rubric criteria side B meets
 * @param rationale why; may be null
 * @param aiGuess whether the grader believes they could tell which side was made by AI; may be null
 * @param flag a problem raised; may be null
 * @param flagNote what the problem is; may be null
 */
public record Submission(
    Verdict verdict, Set<String> rubricA, Set<String> rubricB, String rationale, AiGuess aiGuess, Flag flag,
    String flagNote) {

  /** The longest rationale or note accepted, in characters. */
  public static final int MAX_TEXT_CHARS = 20_000;

  public Submission {
    rubricA = rubricA == null ? Set.of() : Set.copyOf(new TreeSet<>(rubricA));
    rubricB = rubricB == null ? Set.of() : Set.copyOf(new TreeSet<>(rubricB));
    rationale = blankToNull(rationale);
    flagNote = blankToNull(flagNote);
  }

  /** Nothing entered. */
  public static Submission empty() {
    return new Submission(null, Set.of(), Set.of(), null, null, null, null);
  }

  /**
   * Every reason this cannot be submitted, in words a grader understands; empty when it can. The
   * app and packet imports use the same rules: a verdict is needed unless a conflict of interest is
   * flagged; a verdict needs a rationale of the campaign's minimum length; an "other" flag needs a
   * note; rubric ids must be the task's.
   */
  public List<String> problems(int minRationaleChars, List<RubricItem> rubric) {
    List<String> problems = new ArrayList<>();
    if (verdict == null && flag != Flag.CONFLICT_OF_INTEREST) {
      problems.add("choose a verdict: A is better, as good as each other, or B is better");
    }
    int length = rationale == null ? 0 : rationale.codePointCount(0, rationale.length());
    if (verdict != null && length < minRationaleChars) {
      problems.add("write a rationale of at least " + minRationaleChars + " characters (this one has " + length + ")");
    }
    if (length > MAX_TEXT_CHARS || (flagNote != null && flagNote.length() > MAX_TEXT_CHARS)) {
      problems.add("a rationale or note may have at most " + MAX_TEXT_CHARS + " characters");
    }
    if (flag == Flag.OTHER && flagNote == null) {
      problems.add("say what the problem is in the note");
    }
    Set<String> known = new TreeSet<>();
    rubric.forEach(item -> known.add(item.id()));
    Set<String> unknown = new TreeSet<>(rubricA);
    unknown.addAll(rubricB);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      problems.add("unknown rubric criteria " + unknown + "; this task's are " + known);
    }
    return problems;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
