package dev.parity.documents.vetting;

/** The excerpt of a finding: enough to recognise it in the file, never the whole value. */
final class Masks {
  private Masks() {}

  static String mask(String kind, String match) {
    String line = match.replaceAll("\\s+", " ").strip();
    return switch (kind) {
      case Kinds.EMAIL -> email(line);
      case Kinds.PHONE, Kinds.US_SSN, Kinds.US_ITIN, Kinds.UK_NINO, Kinds.IBAN, Kinds.PAYMENT_CARD -> keepLast(line, 4);
      case Kinds.DATE_OF_BIRTH -> yearOnly(line);
      case Kinds.API_KEY, Kinds.JWT -> line.substring(0, Math.min(4, line.length() / 4)) + "*** (" + line.length() + " characters)";
      case Kinds.PASSWORD -> "*** (" + line.length() + " characters)";
      case Kinds.PRIVATE_KEY -> line.substring(0, line.indexOf("KEY") + 3) + "… (" + line.length() + " characters)";
      case Kinds.CONFIDENTIALITY_MARKER -> line;
      case Kinds.GPS_LOCATION -> line.replaceAll("(\\d+\\.\\d)\\d*", "$1…");
      default -> initials(line);
    };
  }

  /** {@code d***@example.org}: the first letter of the mailbox and the whole domain. */
  private static String email(String address) {
    int at = address.lastIndexOf('@');
    return at <= 0 ? keepLast(address, 0) : address.charAt(0) + "***" + address.substring(at);
  }

  /** A date with everything but a four-digit year as {@code *}: {@code 1984-**-**}, {@code ** ***** 1979}. */
  private static String yearOnly(String date) {
    java.util.regex.Matcher year = java.util.regex.Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)").matcher(date);
    int from = year.find() ? year.start() : -1;
    StringBuilder out = new StringBuilder(date.length());
    for (int i = 0; i < date.length(); i++) {
      char c = date.charAt(i);
      out.append(Character.isLetterOrDigit(c) && (i < from || i >= from + 4 || from < 0) ? '*' : c);
    }
    return out.toString();
  }

  /** Letters and digits as {@code *}, separators kept, except the last {@code visible} of them. */
  static String keepLast(String value, int visible) {
    int total = (int) value.chars().filter(Character::isLetterOrDigit).count();
    int hide = Math.max(total - visible, (total + 1) / 2);
    StringBuilder out = new StringBuilder(value.length());
    int seen = 0;
    for (char c : value.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(seen++ < hide ? '*' : c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The first character of each word, the rest as {@code *}: {@code D*** W******}, {@code C:\U****\m********\…}. */
  static String initials(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean inWord = false;
    for (char c : value.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(inWord ? '*' : c);
        inWord = true;
      } else {
        out.append(c);
        inWord = false;
      }
    }
    return out.toString();
  }
}
