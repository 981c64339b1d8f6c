package dev.parity.documents.vetting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of {@link Finding}, with the category and severity each always has. The rule:
 * secrets, national identifiers, payment cards and IBANs are {@link Severity#HIGH} (they open
 * accounts or impersonate someone on their own); other personal data, confidentiality markers and
 * the people and user folders named in a file are {@link Severity#MEDIUM} (they identify someone
 * or show the material is not the contributor's to give); a company named in properties is
 * {@link Severity#LOW}. A file that cannot be read is {@link Severity#HIGH}: nothing was checked.
 */
public final class Kinds {
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String US_SSN = "us_ssn";
  public static final String US_ITIN = "us_itin";
  public static final String UK_NINO = "uk_nino";
  public static final String IBAN = "iban";
  public static final String PAYMENT_CARD = "payment_card";
  public static final String DATE_OF_BIRTH = "date_of_birth";
  public static final String STREET_ADDRESS = "street_address";
  public static final String GPS_LOCATION = "gps_location";
  public static final String API_KEY = "api_key";
  public static final String PRIVATE_KEY = "private_key";
  public static final String PASSWORD = "password";
  public static final String JWT = "jwt";
  public static final String CONFIDENTIALITY_MARKER = "confidentiality_marker";
  public static final String AUTHOR = "author";
  public static final String COMPANY = "company";
  public static final String USER_NAME = "user_name";
  public static final String FILE_PATH = "file_path";
  /** A file that could not be read: its match is empty and its excerpt says why. */
  public static final String UNREADABLE = "unreadable";

  private record Rule(Category category, Severity severity) {}

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    for (String kind : new String[] {US_SSN, US_ITIN, UK_NINO, IBAN, PAYMENT_CARD}) {
      RULES.put(kind, new Rule(Category.PERSONAL, Severity.HIGH));
    }
    for (String kind : new String[] {EMAIL, PHONE, DATE_OF_BIRTH, STREET_ADDRESS, GPS_LOCATION}) {
      RULES.put(kind, new Rule(Category.PERSONAL, Severity.MEDIUM));
    }
    for (String kind : new String[] {API_KEY, PRIVATE_KEY, PASSWORD, JWT}) {
      RULES.put(kind, new Rule(Category.SECRET, Severity.HIGH));
    }
    RULES.put(CONFIDENTIALITY_MARKER, new Rule(Category.CONFIDENTIAL, Severity.MEDIUM));
    for (String kind : new String[] {AUTHOR, USER_NAME, FILE_PATH}) {
      RULES.put(kind, new Rule(Category.IDENTITY, Severity.MEDIUM));
    }
    RULES.put(COMPANY, new Rule(Category.IDENTITY, Severity.LOW));
    RULES.put(UNREADABLE, new Rule(Category.UNREAD, Severity.HIGH));
  }

  private Kinds() {}

  /** Every kind, in the order above. */
  public static Set<String> all() {
    return RULES.keySet();
  }

  /** @throws IllegalArgumentException for an unknown kind, naming the known ones */
  public static Category category(String kind) {
    return rule(kind).category();
  }

  /** @throws IllegalArgumentException for an unknown kind, naming the known ones */
  public static Severity severity(String kind) {
    return rule(kind).severity();
  }

  public static boolean isKnown(String kind) {
    return RULES.containsKey(kind);
  }

  private static Rule rule(String kind) {
    Rule rule = RULES.get(kind);
    if (rule == null) {
      throw new IllegalArgumentException("unknown finding kind '" + kind + "'; known: " + String.join(", ", RULES.keySet()));
    }
    return rule;
  }
}
