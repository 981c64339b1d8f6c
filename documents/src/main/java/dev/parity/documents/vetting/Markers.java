package dev.parity.documents.vetting;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Words that mark material as not the contributor's to give: confidential, privileged,
 * attorney–client, internal use only, do not distribute, proprietary, and NDA language. The
 * longest phrase at a place is reported ("privileged &amp; confidential", not two findings).
 */
final class Markers implements Detector {
  private static final Pattern MARKER = Pattern.compile("(?i)(?<![\\w-])(?:"
      + "subject to (?:the |a |an |our |this |that )?(?:mutual )?(?:non-?disclosure|confidentiality) agreement"
      + "|(?:covered by|under) (?:the |a |an |our )?(?:mutual )?(?:non-?disclosure agreement|NDA)"
      + "|(?:privileged|proprietary) (?:&|and) confidential"
      + "|confidential (?:&|and) (?:privileged|proprietary)"
      + "|attorney[-\u2013\u2014 ]client(?: privileged?(?: (?:and|&) confidential)?| communication)?"
      + "|(?:for )?internal use only"
      + "|do not (?:distribute|forward|copy|disclose)"
      + "|(?:strictly |highly |company )?confidential"
      + "|privileged"
      + "|proprietary"
      + "|non-?disclosure agreement"
      + ")(?![\\w-])");

  @Override
  public void find(String text, String label, List<Hit> out) {
    Hit.addAll(Kinds.CONFIDENTIALITY_MARKER, MARKER, text, out);
  }
}
