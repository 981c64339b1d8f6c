package dev.parity.harness.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON or YAML document read into a tree together with the line and column of every value, so
 * that a problem found in the tree can be reported where it is written. Works over any Jackson
 * streaming parser, which is what lets one reader serve both formats.
 */
final class LocatedTree {
  record Position(int line, int column) {
    static final Position START = new Position(1, 1);
  }

  /** The text is not well-formed JSON or YAML. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Position position;

    MalformedException(String message, Position position) {
      super(message);
      this.position = position;
    }

    Position position() {
      return position;
    }
  }

  private final Map<String, Position> positions = new HashMap<>();
  private final JsonNode root;

  private LocatedTree(JsonParser parser) throws IOException, MalformedException {
    if (parser.nextToken() == null) {
      throw new MalformedException("the file is empty", Position.START);
    }
    root = read(parser, "");
  }

  static LocatedTree parse(JsonFactory factory, byte[] bytes) throws MalformedException {
    try (JsonParser parser = factory.createParser(bytes)) {
      return new LocatedTree(parser);
    } catch (JsonProcessingException e) {
      throw new MalformedException(e.getOriginalMessage(), position(e.getLocation()));
    } catch (IOException e) {
      throw new MalformedException(String.valueOf(e.getMessage()), Position.START);
    }
  }

  JsonNode root() {
    return root;
  }

  /** Where the value at {@code pointer} is written, or its nearest enclosing value. */
  Position position(String pointer) {
    for (String p = pointer; ; p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
      Position found = positions.get(p);
      if (found != null || p.isEmpty()) {
        return found != null ? found : Position.START;
      }
    }
  }

  private JsonNode read(JsonParser parser, String pointer) throws IOException, MalformedException {
    positions.put(pointer, position(parser.currentTokenLocation()));
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          Position key = position(parser.currentTokenLocation());
          parser.nextToken();
          if (object.has(name)) {
            throw new MalformedException("the key \"" + name + "\" appears twice", key);
          }
          object.set(name, read(parser, pointer + "/" + name));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, pointer + "/" + array.size()));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new MalformedException("unexpected " + token, position(parser.currentTokenLocation()));
    }
  }

  private static Position position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Position.START;
    }
    return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}
