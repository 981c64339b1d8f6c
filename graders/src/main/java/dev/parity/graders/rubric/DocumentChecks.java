package dev.parity.graders.rubric;

import dev.parity.documents.FileFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on a deliverable's structure and numbers: pages, headings, a number near a value. */
final class DocumentChecks {
  private DocumentChecks() {}

  /** The number of pages (PDF pages, slides, estimated DOCX pages) is within a range. */
  record PageCount(Integer min, Integer max, FileFormat in) implements Check {
    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      List<DeliverableContent.File> files = deliverable.filesIn(in);
      if (files.isEmpty()) {
        return CheckResult.notMet("no file to count pages of" + TextChecks.scope(in));
      }
      int pages = 0;
      for (DeliverableContent.File file : files) {
        pages += deliverable.pages(file);
      }
      return Ranges.check("page count", pages, min, max);
    }
  }

  /** Every given heading is present (Markdown headings, DOCX heading styles, slide titles). */
  record Headings(List<String> headings) implements Check {
    Headings {
      headings = List.copyOf(headings);
    }

    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      List<String> present = deliverable.headings().stream().map(h -> TextChecks.normalise(h, false).strip()).toList();
      List<String> missing = new ArrayList<>();
      for (String heading : headings) {
        String wanted = TextChecks.normalise(heading, false).strip();
        if (present.stream().noneMatch(h -> h.contains(wanted))) {
          missing.add(heading);
        }
      }
      return missing.isEmpty()
          ? CheckResult.met("headings present: " + headings)
          : CheckResult.notMet("missing headings: " + missing + " (found: " + deliverable.headings() + ")");
    }
  }

  /**
   * A number near a value: in a named spreadsheet cell, or anywhere in the text (numbers written
   * with thousands separators, currency signs, percent signs and parentheses for negatives).
   */
  record NumberNear(double value, double tolerance, String cell, FileFormat in) implements Check {
    private static final Pattern NUMBER =
        Pattern.compile("\\(?-?[$€£]?\\s?-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\)?|\\(?-?[$€£]?\\s?-?\\d+(?:\\.\\d+)?\\)?");

    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      if (cell != null) {
        DeliverableContent.CellValue found = deliverable.cell(cell);
        if (found.number() == null) {
          return CheckResult.notMet(cell + ": " + found.description());
        }
        return verdict(found.number(), cell + " = " + format(found.number()));
      }
      Matcher matcher = NUMBER.matcher(deliverable.text(in));
      Double closest = null;
      while (matcher.find()) {
        double number = parse(matcher.group());
        if (closest == null || Math.abs(number - value) < Math.abs(closest - value)) {
          closest = number;
        }
      }
      if (closest == null) {
        return CheckResult.notMet("no number found" + TextChecks.scope(in));
      }
      return verdict(closest, "closest number found: " + format(closest));
    }

    private CheckResult verdict(double number, String evidence) {
      boolean near = Math.abs(number - value) <= tolerance;
      return new CheckResult(near, evidence + (near ? " is within " : " is not within ")
          + format(tolerance) + " of " + format(value));
    }

    static double parse(String written) {
      boolean parenthesised = written.startsWith("(") && written.endsWith(")");
      String digits = written.replaceAll("[()$€£,\\s]", "");
      double number = Double.parseDouble(digits);
      return parenthesised ? -Math.abs(number) : number;
    }

    private static String format(double number) {
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? String.format(Locale.ROOT, "%,d", (long) number)
          : String.format(Locale.ROOT, "%,.4f", number).replaceAll("0+$", "");
    }
  }
}
