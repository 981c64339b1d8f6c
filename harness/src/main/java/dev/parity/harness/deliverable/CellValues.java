package dev.parity.harness.deliverable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell written as text is: a number (with its display format), a date, a boolean, a
 * formula or text. Conservative on purpose: {@code 007} and {@code 03/04/2025} stay text, since
 * reading them as numbers or dates would lose a leading zero or guess a day-month order.
 */
final class CellValues {
  private static final Pattern NUMBER = Pattern.compile(
      "(?<neg>[-−])?(?<open>\\()?(?<cur>[$€£¥])?[ ]?(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)?(?<frac>\\.\\d+)?(?<close>\\))?(?<pct>%)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2})?");

  private CellValues() {}

  sealed interface Value permits Blank, Text, Number, Date, Bool, Formula {}

  record Blank() implements Value {}

  record Text(String text) implements Value {}

  /** A number and the Excel format that shows it as it was written ({@code General} if plain). */
  record Number(double value, String format) implements Value {}

  record Date(LocalDateTime value, boolean hasTime) implements Value {}

  record Bool(boolean value) implements Value {}

  /** A formula without its leading {@code =}. */
  record Formula(String formula) implements Value {}

  static Value of(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return new Blank();
    }
    if (text.startsWith("=") && text.length() > 1) {
      return new Formula(text.substring(1).strip());
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return new Bool(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
    }
    Value date = date(text);
    if (date != null) {
      return date;
    }
    Value number = number(text);
    return number != null ? number : new Text(raw.strip());
  }

  private static Value date(String text) {
    try {
      if (DATE.matcher(text).matches()) {
        return new Date(LocalDate.parse(text).atStartOfDay(), false);
      }
      if (DATE_TIME.matcher(text).matches()) {
        String iso = text.replace(' ', 'T');
        return new Date(LocalDateTime.parse(iso.length() == 16 ? iso + ":00" : iso), true);
      }
    } catch (DateTimeParseException e) {
      return null; // 2025-13-45 is text, not a date
    }
    return null;
  }

  private static Value number(String text) {
    Matcher m = NUMBER.matcher(text);
    if (!m.matches() || (m.group("int") == null && m.group("frac") == null)
        || (m.group("open") == null) != (m.group("close") == null)) {
      return null;
    }
    String integer = m.group("int") == null ? "0" : m.group("int");
    if (integer.length() > 1 && integer.startsWith("0") && !integer.contains(",")) {
      return null; // an identifier such as 007 or a ZIP code
    }
    String frac = m.group("frac") == null ? "" : m.group("frac");
    BigDecimal value = new BigDecimal(integer.replace(",", "") + frac);
    if (m.group("neg") != null || m.group("open") != null) {
      value = value.negate();
    }
    int decimals = frac.isEmpty() ? 0 : frac.length() - 1;
    String digits = "0" + (decimals > 0 ? "." + "0".repeat(decimals) : "");
    boolean grouped = integer.contains(",");
    String format;
    if (m.group("pct") != null) {
      value = value.movePointLeft(2);
      format = digits + "%";
    } else if (m.group("cur") != null) {
      format = "\"" + m.group("cur") + "\"#,##" + digits + (m.group("open") != null ? ";(\"" + m.group("cur") + "\"#,##" + digits + ")" : "");
    } else if (grouped) {
      format = "#,##" + digits;
    } else {
      format = decimals > 0 && frac.endsWith("0") ? digits : "General";
    }
    return new Number(value.doubleValue(), format);
  }
}
