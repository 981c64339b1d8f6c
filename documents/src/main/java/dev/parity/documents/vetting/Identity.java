package dev.parity.documents.vetting;

import dev.parity.documents.Surface;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made or handled a file: the value of a field that names a person, a user or a company
 * (document properties, comment and revision authors, PDF and XMP authors, EXIF artist), and
 * file paths through a user's folder ({@code C:\Users\x\}, {@code /home/x/}) or a file server
 * (two backslashes, a server name of two characters or more, a share and one more backslash, so
 * that the {@code \\b} of a regular expression written in JSON is not taken for one).
 */
final class Identity implements Detector {
  private static final Pattern WINDOWS_PATH = Pattern.compile(
      "(?:(?<![A-Za-z])[A-Za-z]:\\\\|\\\\\\\\[A-Za-z0-9][\\w.$-]+\\\\(?=[^\\\\/:*?\"<>|\\s]+\\\\))"
          + "(?:[^\\\\/:*?\"<>|\\r\\n]+\\\\)*[^\\\\/:*?\"<>|\\r\\n]*");
  private static final Pattern UNIX_PATH = Pattern.compile("(?<![\\w.])/(?:home|Users)/[\\w.-]+(?:/[^\\s\"'<>]*)?");
  private static final Pattern USER_FOLDER = Pattern.compile("(?i)\\\\(?:Users|Documents and Settings|home)\\\\[^\\\\]+");
  private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,5}(?=\\s|$)");

  @Override
  public void find(String text, String label, List<Hit> out) {
    String kind = labelKind(label);
    if (kind != null && !text.isBlank()) {
      int start = 0;
      int end = text.length();
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      out.add(new Hit(kind, start, end));
    }
    Matcher windows = WINDOWS_PATH.matcher(text);
    while (windows.find()) {
      String path = windows.group();
      if (path.startsWith("\\\\") || USER_FOLDER.matcher(path).find()) {
        out.add(new Hit(Kinds.FILE_PATH, windows.start(), windows.start() + trimmedLength(path)));
      }
    }
    Matcher unix = UNIX_PATH.matcher(text);
    while (unix.find()) {
      out.add(new Hit(Kinds.FILE_PATH, unix.start(), unix.start() + trimmedLength(unix.group())));
    }
  }

  /**
   * A path's length without what follows it in a sentence: a last segment with spaces ends at
   * its extension, or at its first space without one; trailing punctuation is not part of it.
   */
  private static int trimmedLength(String path) {
    int lastSlash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    String last = path.substring(lastSlash + 1);
    int keep = last.length();
    if (last.indexOf(' ') >= 0) {
      Matcher extension = EXTENSION.matcher(last);
      keep = extension.find() ? extension.end() : last.indexOf(' ');
    }
    int end = lastSlash + 1 + keep;
    while (end > 0 && ".,;:)'\" ".indexOf(path.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /** The kind of identity a field's name says its value is, or null. */
  static String labelKind(String label) {
    if (label.startsWith(Surface.COLUMN)) {
      return null; // a column of a table holds data, not the file's maker
    }
    String name = label.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    name = colon >= 0 ? name.substring(colon + 1) : name;
    return switch (name) {
      case "creator", "author", "artist", "xpauthor", "lastauthor", "manager", "comment author", "revision author",
          "annotation author" ->
          Kinds.AUTHOR;
      case "lastmodifiedby", "user", "username", "owner" -> Kinds.USER_NAME;
      case "company" -> Kinds.COMPANY;
      default -> null;
    };
  }
}
