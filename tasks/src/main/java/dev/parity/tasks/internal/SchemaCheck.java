package dev.parity.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.parity.core.Suggestions;
import dev.parity.tasks.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a document against one of the shipped JSON Schemas and turns each error into a
 * {@link Problem} at the right line and column, in words a suite author can act on.
 */
public final class SchemaCheck {
  /** The schema of {@code suite.json}. */
  public static final SchemaCheck SUITE = new SchemaCheck("suite.schema.json");
  /** The schema of {@code task.json}. */
  public static final SchemaCheck TASK = new SchemaCheck("task.schema.json");

  private static final String RESOURCE_FOLDER = "/dev/parity/tasks/schema/";

  private final String resource;
  private final Conformance conformance;
  /**
   * The schema as the full validator reads it, and the validator, built on first use: a suite whose
   * documents all conform needs neither, nor Jackson's mapper, whose start-up costs a command more
   * than the quick check of 4,000 tasks.
   */
  private volatile Full full;

  private record Full(JsonNode schemaJson, Schema schema) {}

  private SchemaCheck(String resource) {
    this.resource = resource;
    conformance = Conformance.of(LocatedJson.parse(read(resource)).root());
  }

  private static byte[] read(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE_FOLDER + resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Full full() {
    Full built = full;
    if (built == null) {
      synchronized (this) {
        built = full;
        if (built == null) {
          JsonNode schemaJson;
          try {
            schemaJson = new ObjectMapper().readTree(read(resource));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          built = new Full(schemaJson,
              SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson));
          full = built;
        }
      }
    }
    return built;
  }

  /** Whether the quick check reads this schema in full (else every document goes to the full validator). */
  boolean quick() {
    return conformance.complete();
  }

  /** Whether the quick check says {@code document} conforms. */
  boolean quicklyConforms(LocatedJson document) {
    return conformance.conforms(document.root());
  }

  /** The schema as JSON, for publishing it. */
  public JsonNode schemaJson() {
    return full().schemaJson().deepCopy();
  }

  /** Every problem with {@code document}, in file order; empty when it conforms. */
  public List<Problem> check(Path file, LocatedJson document) {
    return conformance.conforms(document.root()) ? List.of() : checkFully(file, document);
  }

  /** The full validator's problems in file order, without the quick check: what it is held to in tests. */
  List<Problem> checkFully(Path file, LocatedJson document) {
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error error : full().schema().validate(document.root())) {
      problems.add(toProblem(file, document, error));
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return sorted;
  }

  private Problem toProblem(Path file, LocatedJson document, Error error) {
    String pointer = pointer(error.getInstanceLocation());
    String where = FieldNames.display(pointer);
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    switch (keyword) {
      case "additionalProperties": {
        String unknown = error.getProperty();
        String member = LocatedJson.child(pointer, unknown);
        String message = "unknown field \"" + unknown + "\""
            + (where.isEmpty() ? "" : " in " + where)
            + Suggestions.didYouMean(unknown, allowedProperties(pointer));
        return at(file, document.keyPosition(member), message);
      }
      case "required":
        return at(file, document.valuePosition(pointer), "missing required field \""
            + FieldNames.display(LocatedJson.child(pointer, error.getProperty())) + "\"");
      case "enum":
        return at(file, document.valuePosition(pointer), where + ": " + describe(error.getInstanceNode())
            + " is not one of " + enumValues(error.getSchemaNode()));
      case "exclusiveMinimum":
        return at(file, document.valuePosition(pointer), where + ": must be greater than "
            + error.getSchemaNode() + " (got " + describe(error.getInstanceNode()) + ")");
      case "minimum":
        return at(file, document.valuePosition(pointer), where + ": must be at least "
            + error.getSchemaNode() + " (got " + describe(error.getInstanceNode()) + ")");
      case "minLength":
        if (error.getSchemaNode().asInt() == 1) {
          return at(file, document.valuePosition(pointer), where + ": must not be empty");
        }
        return at(file, document.valuePosition(pointer), where + ": " + plainMessage(error));
      case "type":
        return at(file, document.valuePosition(pointer), where + ": must be " + typeNames(error.getSchemaNode())
            + ", not " + jsonType(error.getInstanceNode()) + " " + describe(error.getInstanceNode()));
      default:
        return at(file, document.valuePosition(pointer),
            (where.isEmpty() ? "" : where + ": ") + plainMessage(error));
    }
  }

  private static Problem at(Path file, LocatedJson.Position position, String message) {
    return new Problem(file, position.line(), position.column(), message);
  }

  /** The library's message without the instance location it starts with. */
  private static String plainMessage(Error error) {
    String message = error.getMessage();
    int colon = message.indexOf(": ");
    if (message.startsWith("$") && colon > 0) {
      message = message.substring(colon + 2);
    }
    String got = error.getInstanceNode() == null ? "" : " (got " + describe(error.getInstanceNode()) + ")";
    return message + ("type".equals(error.getKeyword()) || message.contains("found") ? "" : got);
  }

  private static String typeNames(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> names.add(article(t.asText())));
    } else {
      names.add(article(type.asText()));
    }
    return String.join(" or ", names);
  }

  private static String article(String type) {
    return (type.startsWith("a") || type.startsWith("o") || type.startsWith("i") ? "an " : "a ") + type;
  }

  private static String jsonType(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isArray()) {
      return "an array";
    }
    return node.isObject() ? "an object" : "null";
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static String enumValues(JsonNode enumSchema) {
    JsonNode values = enumSchema != null && enumSchema.has("enum") ? enumSchema.get("enum") : enumSchema;
    List<String> names = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> names.add(v.asText()));
    }
    return String.join(", ", names);
  }

  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/');
      pointer.append(element instanceof Integer ? element.toString()
          : element.toString().replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  /** The property names the schema allows for the object at {@code pointer}. */
  private List<String> allowedProperties(String pointer) {
    JsonNode schemaJson = full().schemaJson();
    JsonNode node = resolve(schemaJson, schemaJson);
    for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
      if (node.has("items")) {
        node = resolve(schemaJson, node.get("items"));
      } else {
        node = resolve(schemaJson, node.path("properties").path(segment.replace("~1", "/").replace("~0", "~")));
      }
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.path("properties").fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static JsonNode resolve(JsonNode schemaJson, JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.asText().startsWith("#/")) {
      return schemaJson.at(ref.asText().substring(1));
    }
    return node;
  }
}
