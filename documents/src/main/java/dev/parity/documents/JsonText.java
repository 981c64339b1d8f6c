package dev.parity.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON file (a task.json) read as its values, decoded: {@code "a\u0040b.org"} is {@code a@b.org},
 * a Windows path's {@code \\} one backslash and a request's {@code \n} a line break, which the
 * raw lines do not show. Each value is at {@code line N /json/pointer}. Redaction replaces a value
 * in the file's own text and writes it back as JSON (escaped again), leaving the rest of the file
 * as it was. A file that is not valid JSON is read, and redacted, as lines of text. Stateless.
 */
final class JsonText {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonText() {}

  /** One scalar value or field name: where it is in the text (its quotes included) and what it says, decoded. */
  private record Value(String where, int start, int end, String text) {}

  static List<Surface> surfaces(byte[] bytes) {
    String json = PlainText.text(bytes);
    List<Value> values;
    try {
      values = values(json);
    } catch (IOException e) {
      return PlainText.surfaces(bytes);
    }
    List<Surface> out = new ArrayList<>(values.size());
    values.forEach(value -> Surface.add(out, value.where(), value.text(), ""));
    return out;
  }

  static RedactedFile redact(byte[] bytes, Replacements replacements) {
    String json = PlainText.text(bytes);
    List<Value> values;
    try {
      values = values(json);
    } catch (IOException e) {
      return TextRedaction.redact(bytes, replacements);
    }
    List<RedactionChange> changes = new ArrayList<>();
    StringBuilder out = new StringBuilder(json.length());
    int at = 0;
    for (Value value : values) {
      String replaced = replacements.apply(value.text(), hit -> changes.add(RedactionChange.replaced(value.where(), hit)));
      if (!replaced.equals(value.text())) {
        // A number that held a value becomes a string: the placeholder is text.
        out.append(json, at, value.start()).append('"').append(JsonStringEncoder.getInstance().quoteAsString(replaced))
            .append('"');
        at = value.end();
      }
    }
    if (changes.isEmpty()) {
      return new RedactedFile(bytes, changes);
    }
    return new RedactedFile(out.append(json, at, json.length()).toString().getBytes(StandardCharsets.UTF_8), changes);
  }

  /** Every field name, string and number in document order; throws when the text is not JSON. */
  private static List<Value> values(String json) throws IOException {
    List<Value> values = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        boolean name = token == JsonToken.FIELD_NAME;
        boolean string = name || token == JsonToken.VALUE_STRING;
        if (!string && !token.isNumeric()) {
          continue;
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        String text = parser.getText();
        int end = string ? endOfString(json, start) : start + text.length();
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        String where = "line " + parser.currentTokenLocation().getLineNr() + (pointer.isEmpty() ? "" : " " + pointer)
            + (name ? " (field name)" : "");
        values.add(new Value(where, start, end, text));
      }
    }
    return values;
  }

  /** The offset after the closing quote of the string whose opening quote is at {@code start}. */
  private static int endOfString(String json, int start) {
    for (int i = start + 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    throw new IllegalStateException("unreachable: the parser read a string without its closing quote");
  }
}
