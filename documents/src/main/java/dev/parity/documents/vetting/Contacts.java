package dev.parity.documents.vetting;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, phone numbers (found by Google's libphonenumber, then kept only where the
 * number stands as a number: not part of an invoice, order or ticket code, not a date), dates of
 * birth (a date with a birth word shortly before it or in its field's name) and street addresses.
 */
final class Contacts implements Detector {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  /** Numbers without a country code are read as US ones (the most common in contributed work). */
  private static final String DEFAULT_REGION = "US";

  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![\\w-])");
  /** A code a number is part of: letters and a hyphen or slash right before it (INV-, PO-, REF/). */
  private static final Pattern CODE_PREFIX = Pattern.compile("[A-Za-z]{1,6}[-/#]\\s?$");
  /** Words that say the number after them is a reference, not a phone. */
  private static final Pattern REFERENCE_WORD = Pattern.compile(
      "(?i)\\b(?:invoice|inv|order|po|purchase order|ref(?:erence)?|ticket|case|batch|lot|tracking|account|acct|"
          + "isbn|serial|id|no\\.?|number|item|sku)\\W{0,4}$");
  /** Dates written as digits, which libphonenumber may read as numbers: 2026-11-05, 20261031. */
  private static final Pattern DATE_DIGITS = Pattern.compile("(?:19|20)\\d{2}[-/.]?(?:0[1-9]|1[0-2])[-/.]?(?:0[1-9]|[12]\\d|3[01])");

  /** An amount or a code such as 13-1041.00: the number ends in a decimal part. */
  private static final Pattern DECIMAL_TAIL = Pattern.compile("\\d[.,]\\d{1,2}$");

  private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
      + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Pattern DATE = Pattern.compile(
      "(?<![\\w/.-])(?:\\d{1,2}(?:st|nd|rd|th)? " + MONTH + ",? \\d{4}|" + MONTH + " \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}"
          + "|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.](?:19|20)\\d{2})(?![\\w/-])");
  private static final Pattern BIRTH_WORD =
      Pattern.compile("(?i)(?:birth|born|\\bd\\.?o\\.?b\\b|birthday|geburts|naissance|nacimiento)");
  /** How far before a date a birth word may stand (characters). */
  private static final int BIRTH_WORD_REACH = 40;

  private static final String STREET_TYPE = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
      + "|Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Gardens|Row|Mews|Walk|Hill)";
  private static final Pattern ADDRESS = Pattern.compile(
      "(?<![\\w-])(?:(?:Flat|Apartment|Apt|Unit|Suite)\\.? \\w{1,5}, )?\\d{1,5}[A-Za-z]? (?:[A-Z][a-z]+ ){1,4}" + STREET_TYPE
          + "\\b\\.?"
          + "(?:,? (?:Suite|Ste|Apt|Unit|Floor|Fl)\\.? ?\\w{1,5})?"
          + "(?:,? [A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?"
          + "(?:,? (?:[A-Z]{2} \\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}))?");

  @Override
  public void find(String text, String label, List<Hit> out) {
    Hit.addAll(Kinds.EMAIL, EMAIL, text, out);
    phones(text, out);
    Matcher date = DATE.matcher(text);
    while (date.find()) {
      String before = text.substring(Math.max(0, date.start() - BIRTH_WORD_REACH), date.start());
      if (BIRTH_WORD.matcher(label).find() || BIRTH_WORD.matcher(before).find()) {
        out.add(new Hit(Kinds.DATE_OF_BIRTH, date.start(), date.end()));
      }
    }
    Matcher address = ADDRESS.matcher(text);
    while (address.find()) {
      int end = address.end();
      while (end > address.start() && ",. ".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      out.add(new Hit(Kinds.STREET_ADDRESS, address.start(), end));
    }
  }

  private static void phones(String text, List<Hit> out) {
    for (PhoneNumberMatch match : PHONES.findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      int start = match.start();
      int end = match.end();
      String raw = match.rawString();
      String before = text.substring(Math.max(0, start - 24), start);
      boolean glued = end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
          || (text.charAt(end) == '-' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))));
      if (CODE_PREFIX.matcher(before).find() || REFERENCE_WORD.matcher(before).find() || glued
          || DATE_DIGITS.matcher(raw.replaceAll("[\\s()]", "")).lookingAt() || BankNumbers.inDecimal(text, start, end)
          || DECIMAL_TAIL.matcher(raw).find()) {
        continue;
      }
      out.add(new Hit(Kinds.PHONE, start, end));
    }
  }
}
