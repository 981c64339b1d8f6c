package dev.parity.tasks.gdpval;

/**
 * A task's title from its request, by one documented rule (docs/gdpval.md): the request's first
 * sentence (up to the first line break, or a '.', '?' or '!' followed by a space), whitespace
 * collapsed, cut at a word boundary to at most {@link #MAX_LENGTH} characters with an ellipsis.
 */
final class TaskTitles {
  static final int MAX_LENGTH = 80;

  private TaskTitles() {}

  static String of(String prompt, String taskId) {
    String text = prompt.strip();
    int lineEnd = text.indexOf('\n');
    if (lineEnd >= 0) {
      text = text.substring(0, lineEnd);
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1))) {
        text = text.substring(0, i + 1);
        break;
      }
    }
    text = text.replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "GDPval task " + taskId;
    }
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
    return text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).stripTrailing() + "…";
  }
}
