package dev.parity.graders.rubric;

/** "Within a range" for counts, with evidence that states the range. */
final class Ranges {
  private Ranges() {}

  static CheckResult check(String what, long value, Integer min, Integer max) {
    boolean ok = (min == null || value >= min) && (max == null || value <= max);
    String range = min != null && max != null ? min + "–" + max
        : min != null ? "at least " + min : "at most " + max;
    String evidence = what + " " + value + (ok ? " is within " : " is outside ") + range;
    return new CheckResult(ok, evidence);
  }
}
