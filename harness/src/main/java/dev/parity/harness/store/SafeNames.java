package dev.parity.harness.store;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names turned into single path segments that are safe on Linux, macOS and Windows, each distinct
 * from the others given to the same instance, even on a file system that ignores case. A safe
 * name holds letters, digits, {@code .}, {@code _} and {@code -} only, each run of other
 * characters and of dots side by side replaced by one {@code _} (so no separator, no {@code ..},
 * no control or direction-changing character: {@code ../../x} becomes {@code _x}), never starts with a dot, never ends
 * with a dot, is not a name Windows reserves ({@code CON}, {@code NUL}, {@code COM1}, ...) and is
 * at most {@value #MAX_BYTES} bytes of UTF-8. The same original always gets the same safe name;
 * a second original that would get a name already given gets {@code -2}, {@code -3}, ... before
 * its extension. Not thread-safe.
 */
final class SafeNames {
  static final int MAX_BYTES = 120;
  private static final Pattern RESERVED =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$)(\\..*)?");

  private final Map<String, String> given = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** The safe name of {@code original}, the same each time it is asked for. */
  String of(String original) {
    return given.computeIfAbsent(original, name -> unique(safe(name)));
  }

  private String unique(String safe) {
    String candidate = safe;
    int dot = extensionStart(safe);
    for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = fit(safe.substring(0, dot), "-" + n + safe.substring(dot));
    }
    return candidate;
  }

  /** {@code name} with every character that is not safe replaced by {@code _}; see the class. */
  static String safe(String name) {
    int[] chars = Normalizer.normalize(name, Normalizer.Form.NFC).codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chars.length; i++) {
      int c = chars[i];
      // A dot beside another (as in ../) is replaced with the rest of what is not kept.
      boolean lone = c != '.' || (i == 0 || chars[i - 1] != '.') && (i + 1 == chars.length || chars[i + 1] != '.');
      boolean keep = (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') && lone;
      if (keep) {
        out.appendCodePoint(c);
      } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    String safe = out.toString().replaceAll("\\.+$", "");
    if (safe.startsWith(".")) {
      safe = "_" + safe.substring(1);
    }
    if (safe.isEmpty() || RESERVED.matcher(safe).matches()) {
      safe = "_" + safe;
    }
    int dot = extensionStart(safe);
    return fit(safe.substring(0, dot), safe.substring(dot));
  }

  /** Where the extension ({@code .docx}) starts; the length when there is none or it is too long to be one. */
  private static int extensionStart(String safe) {
    int dot = safe.lastIndexOf('.');
    return dot > 0 && bytes(safe.substring(dot)) <= 16 ? dot : safe.length();
  }

  /**
   * {@code stem + tail}, the stem cut so that the whole is at most {@link #MAX_BYTES} bytes, and
   * with no dot at its end.
   */
  private static String fit(String stem, String tail) {
    String cut = stem;
    while (bytes(cut + tail) > MAX_BYTES && !cut.isEmpty()) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
    }
    return tail.isEmpty() ? cut.replaceAll("\\.+$", "") : cut + tail;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
