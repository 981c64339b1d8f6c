package dev.parity.documents.vetting;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs (the country's length and the mod-97 check) and payment card numbers (an issuer's prefix
 * and length, and the Luhn check), not counting ISBNs, EANs and other codes that pass Luhn.
 */
final class BankNumbers implements Detector {
  /** IBAN lengths by country (SWIFT's IBAN registry). */
  private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

  static {
    String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18"
        + " DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27"
        + " JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15"
        + " OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24"
        + " TR26 UA29 VA22 VG24 XK20 YE30";
    for (String entry : table.split(" ")) {
      IBAN_LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
  }

  private static final Pattern IBAN_START = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?=[ A-Z0-9])");
  /** 12–19 digits, in groups split by single spaces or hyphens, not inside a longer code. */
  private static final Pattern CARD_SHAPE = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){11,18}(?![\\w-]|[ -]\\d)");
  /** Words before a number that say it is a book, an article or a product code, not a card. */
  private static final Pattern NOT_CARD_CONTEXT =
      Pattern.compile("(?i)\\b(?:isbn(?:-1[03])?|issn|ean|gtin|upc|doi|invoice|inv|order|tracking|po)\\W{0,3}$");

  @Override
  public void find(String text, String label, List<Hit> out) {
    Matcher iban = IBAN_START.matcher(text);
    while (iban.find()) {
      int end = ibanEnd(text, iban.start());
      if (end > 0) {
        out.add(new Hit(Kinds.IBAN, iban.start(), end));
      }
    }
    Matcher card = CARD_SHAPE.matcher(text);
    while (card.find()) {
      String digits = card.group().replaceAll("\\D", "");
      String before = text.substring(Math.max(0, card.start() - 20), card.start());
      if (isCardNumber(digits) && !NOT_CARD_CONTEXT.matcher(before).find() && !inDecimal(text, card.start(), card.end())) {
        out.add(new Hit(Kinds.PAYMENT_CARD, card.start(), card.end()));
      }
    }
  }

  /**
   * Whether the digits at {@code [start, end)} are part of a decimal number, such as the
   * fraction of {@code -0.4567058823529412} a spreadsheet stores: a point or comma with a digit
   * on its other side right before or after them.
   */
  static boolean inDecimal(String text, int start, int end) {
    boolean before = start >= 2 && (text.charAt(start - 1) == '.' || text.charAt(start - 1) == ',')
        && Character.isDigit(text.charAt(start - 2));
    boolean after = end + 1 < text.length() && (text.charAt(end) == '.' || text.charAt(end) == ',')
        && Character.isDigit(text.charAt(end + 1));
    return before || after;
  }

  /**
   * The end of a valid IBAN starting at {@code start}, its characters read in groups split by
   * single spaces, or -1: the country's length must be reached exactly at a word's end.
   */
  private static int ibanEnd(String text, int start) {
    Integer length = IBAN_LENGTHS.get(text.substring(start, start + 2));
    if (length == null) {
      return -1;
    }
    StringBuilder iban = new StringBuilder();
    int i = start;
    while (i < text.length() && iban.length() < length) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        iban.append(Character.toUpperCase(c));
      } else if (c != ' ' || i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1))) {
        break;
      }
      i++;
    }
    if (iban.length() != length || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
      return -1;
    }
    return mod97(iban.toString()) == 1 ? i : -1;
  }

  /** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97. */
  static int mod97(String iban) {
    String moved = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : moved.toUpperCase(Locale.ROOT).toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
  }

  static boolean isCardNumber(String digits) {
    return hasIssuerPrefix(digits) && luhn(digits);
  }

  /** Prefixes and lengths of the networks in use (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro). */
  static boolean hasIssuerPrefix(String d) {
    int n = d.length();
    int two = Integer.parseInt(d.substring(0, 2));
    int three = Integer.parseInt(d.substring(0, 3));
    int four = Integer.parseInt(d.substring(0, 4));
    int six = Integer.parseInt(d.substring(0, 6));
    if (d.charAt(0) == '4') {
      return n == 13 || n == 16 || n == 19;
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return n == 16;
    }
    if (two == 34 || two == 37) {
      return n == 15;
    }
    if (four == 6011 || (three >= 644 && three <= 649) || two == 65 || (six >= 622126 && six <= 622925)) {
      return n >= 16 && n <= 19;
    }
    if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
      return n >= 14 && n <= 19;
    }
    if (four >= 3528 && four <= 3589) {
      return n >= 16 && n <= 19;
    }
    if (two == 62) {
      return n >= 16 && n <= 19;
    }
    if (two == 50 || (two >= 56 && two <= 69)) {
      return n >= 12 && n <= 19;
    }
    return false;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
