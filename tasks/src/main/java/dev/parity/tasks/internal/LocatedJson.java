package dev.parity.tasks.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document parsed together with the position of every value and every key, so that a
 * problem found in the tree can be reported at its line and column in the file. Jackson's own
 * tree keeps no positions, hence this small tree builder over its streaming parser.
 *
 * <p>The positions are found when first asked for, by parsing the bytes again: a document with
 * no problem, as nearly every task of a suite is, never needs them, and recording a pointer and a
 * position for every value cost about as much as the parse. Safe to share between threads.
 */
public final class LocatedJson {
  /** A 1-based line and column. */
  public record Position(int line, int column) {
    static final Position START = new Position(1, 1);
  }

  /** A key that appears twice in one object, which JSON parsers silently resolve differently. */
  public record DuplicateKey(String pointer, Position position) {}

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final byte[] bytes;
  private final JsonNode root;
  private final List<DuplicateKey> duplicateKeys;
  /** Built on first use, from {@link #bytes}. */
  private Reader positions;

  private LocatedJson(byte[] bytes, JsonNode root, List<DuplicateKey> duplicateKeys, Reader positions) {
    this.bytes = bytes;
    this.root = root;
    this.duplicateKeys = duplicateKeys;
    this.positions = positions;
  }

  /**
   * Parses {@code bytes} as one JSON value.
   *
   * @throws MalformedJsonException with the parser's position if the bytes are not JSON
   */
  public static LocatedJson parse(byte[] bytes) {
    Reader tree = read(bytes, false);
    if (!tree.duplicated) {
      return new LocatedJson(bytes, tree.root, List.of(), null);
    }
    // Rare: read again with every position, to say where each duplicate is.
    Reader located = read(bytes, true);
    return new LocatedJson(bytes, located.root, List.copyOf(located.duplicateKeys), located);
  }

  private static Reader read(byte[] bytes, boolean locate) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      return new Reader(parser, locate);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MalformedJsonException(e.getOriginalMessage(), position(e.getLocation()));
    } catch (IOException e) {
      throw new MalformedJsonException(e.getMessage(), Position.START);
    }
  }

  private synchronized Reader positions() {
    if (positions == null) {
      positions = read(bytes, true);
    }
    return positions;
  }

  public JsonNode root() {
    return root;
  }

  public List<DuplicateKey> duplicateKeys() {
    return duplicateKeys;
  }

  /** Where the value at a JSON pointer starts, or the nearest enclosing value's start. */
  public Position valuePosition(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Position found = positions().values.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.START;
      }
    }
  }

  /** Where the key of an object member is written, falling back to its value's position. */
  public Position keyPosition(String pointer) {
    Position key = positions().keys.get(pointer);
    return key != null ? key : valuePosition(pointer);
  }

  /** Appends one segment to a JSON pointer, escaping as RFC 6901 requires. */
  public static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /**
   * One pass of the parser over a document: its tree, and either the position of every value and
   * key and every duplicate key, or ({@code locate} false) only whether a key is duplicated.
   */
  private static final class Reader {
    private final boolean locate;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final List<DuplicateKey> duplicateKeys = new ArrayList<>();
    private boolean duplicated;
    private final JsonNode root;

    Reader(JsonParser parser, boolean locate) throws IOException {
      this.locate = locate;
      if (parser.nextToken() == null) {
        throw new MalformedJsonException("the file is empty", Position.START);
      }
      root = read(parser, "");
      if (parser.nextToken() != null) {
        throw new MalformedJsonException(
            "unexpected content after the end of the JSON value", position(parser.currentTokenLocation()));
      }
    }

    /** The value at the parser's token; {@code pointer} is its JSON pointer when located, else null. */
    private JsonNode read(JsonParser parser, String pointer) throws IOException {
      if (locate) {
        values.put(pointer, position(parser.currentTokenLocation()));
      }
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          ObjectNode object = nodes.objectNode();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String member = locate ? child(pointer, name) : null;
            Position keyPosition = locate ? position(parser.currentTokenLocation()) : null;
            parser.nextToken();
            if (object.has(name)) {
              duplicated = true;
              if (locate) {
                duplicateKeys.add(new DuplicateKey(member, keyPosition));
              }
            }
            if (locate) {
              keys.put(member, keyPosition);
            }
            object.set(name, read(parser, member));
          }
          return object;
        case START_ARRAY:
          ArrayNode array = nodes.arrayNode();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser, locate ? child(pointer, array.size()) : null));
          }
          return array;
        case VALUE_STRING:
          return nodes.textNode(parser.getText());
        case VALUE_NUMBER_INT:
          return nodes.numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          return nodes.numberNode(parser.getDecimalValue());
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          throw new MalformedJsonException("unexpected " + token, position(parser.currentTokenLocation()));
      }
    }
  }

  private static Position position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Position.START;
    }
    return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** The bytes are not one well-formed JSON value. */
  public static final class MalformedJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Position position;

    MalformedJsonException(String message, Position position) {
      super(message);
      this.position = position;
    }

    public Position position() {
      return position;
    }
  }
}
