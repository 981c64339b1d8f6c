package dev.parity.documents.vetting;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security and Individual Taxpayer Identification Numbers and UK National Insurance
 * numbers, each by its issuing rules rather than its shape alone.
 */
final class NationalNumbers implements Detector {
  /** Nine digits as 3-2-4, separated by a hyphen or a space, not inside a longer code. */
  private static final Pattern SSN_SHAPE = Pattern.compile("(?<![\\w-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\w-])");
  private static final Pattern NINO_SHAPE =
      Pattern.compile("(?<![A-Za-z0-9])([A-Z]{2}) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-D])(?![A-Za-z0-9])");
  /** Prefixes HMRC never issues (besides those with D, F, I, Q, U or V, or O second). */
  private static final Set<String> NINO_NEVER = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  @Override
  public void find(String text, String label, List<Hit> out) {
    Matcher m = SSN_SHAPE.matcher(text);
    while (m.find()) {
      int area = Integer.parseInt(m.group(1));
      int group = Integer.parseInt(m.group(3));
      int serial = Integer.parseInt(m.group(4));
      if (area >= 900) {
        if (isItinGroup(group)) {
          out.add(new Hit(Kinds.US_ITIN, m.start(), m.end()));
        }
      } else if (area != 0 && area != 666 && group != 0 && serial != 0) {
        out.add(new Hit(Kinds.US_SSN, m.start(), m.end()));
      }
    }
    Matcher n = NINO_SHAPE.matcher(text);
    while (n.find()) {
      if (isNinoPrefix(n.group(1))) {
        out.add(new Hit(Kinds.UK_NINO, n.start(), n.end()));
      }
    }
  }

  /** ITINs: 9xx with a middle group of 50–65, 70–88, 90–92 or 94–99 (IRS, since 2011). */
  static boolean isItinGroup(int group) {
    return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92)
        || (group >= 94 && group <= 99);
  }

  static boolean isNinoPrefix(String prefix) {
    char first = prefix.charAt(0);
    char second = prefix.charAt(1);
    return "DFIQUV".indexOf(first) < 0 && "DFIOQUV".indexOf(second) < 0 && !NINO_NEVER.contains(prefix);
  }
}
