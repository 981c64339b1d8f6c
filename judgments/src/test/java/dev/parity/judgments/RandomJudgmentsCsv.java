package dev.parity.judgments;

import java.util.List;
import java.util.Random;

/**
 * Random judgments files for the tests that read one text two ways and compare what each gives: any
 * rows do, as long as they hold what a reader can get wrong (quoted commas and quotes, and, unless
 * plain, quoted line breaks, CRLF line ends and blank lines) and, where asked, bad rows.
 */
final class RandomJudgmentsCsv {
  static final String HEADER = "task_id,contestant,grader,grader_type,outcome,sample,occupation,sector,minutes,"
      + "rationale,shown\n";

  private RandomJudgmentsCsv() {}

  /** The header and {@link #rows}. */
  static String file(Random random, int rows, int bad, boolean plain) {
    return HEADER + rows(random, rows, bad, plain);
  }

  /**
   * {@code rows} rows, about {@code bad} of them with an outcome no judgment has; when {@code plain},
   * none with a quoted line break, a CRLF line end or a blank line after it.
   */
  static String rows(Random random, int rows, int bad, boolean plain) {
    StringBuilder csv = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      boolean wrong = random.nextInt(rows) < bad;
      String outcome = wrong ? "maybe" : List.of("win", "tie", "loss").get(random.nextInt(3));
      String rationale = switch (random.nextInt(4)) {
        case 0 -> "";
        case 1 -> plain ? "\"\"\"quoted\"\", yes\"" : "\"two\nlines, \"\"quoted\"\"\"";
        case 2 -> "plain words";
        default -> "\"a, b\"";
      };
      csv.append("t-").append(random.nextInt(500)).append(",model-").append(random.nextInt(5)).append(",expert-")
          .append(random.nextInt(40)).append(",human,").append(outcome).append(',').append(random.nextInt(3))
          .append(",Occupation ").append(random.nextInt(44)).append(",Sector ").append(random.nextInt(9)).append(',')
          .append(random.nextInt(90) + random.nextDouble()).append(',').append(rationale).append(',')
          .append(random.nextBoolean() ? "left" : "right").append(plain || random.nextBoolean() ? "\n" : "\r\n");
      if (!plain && random.nextInt(50) == 0) {
        csv.append(random.nextBoolean() ? "\n" : "\r\n");
      }
    }
    return csv.toString();
  }
}
