package dev.parity.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick "yes" for a document that conforms to one of the shipped schemas, so that the full
 * validator, which costs a suite of 4,000 tasks about a fifth of its load (building itself, then a
 * generic walk per document), runs only on documents that may not conform, to say what is wrong.
 *
 * <p>It knows the few keywords the shipped schemas use, and answers {@code true} only when it is
 * sure: a keyword it does not know, and every edge where validators may disagree (a number that
 * a double rounds across a bound, a string holding a line break that a pattern's {@code $} may
 * match before, an {@code integer} written with a fraction), makes it answer {@code false}, which
 * only means "ask the full validator". So it never decides a problem: every message still comes
 * from the full validator, and a schema it cannot read in full makes it answer {@code false}
 * always. {@code ConformanceTest} holds it to the full validator on many documents.
 *
 * <p>Immutable and safe to share between threads.
 */
final class Conformance {
  /** Annotations, which constrain nothing. */
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description");

  private final Rule root;

  private Conformance(Rule root) {
    this.root = root;
  }

  /** The check of {@code schema}; one that answers {@code false} always if the schema uses anything it does not know. */
  static Conformance of(JsonNode schema) {
    try {
      return new Conformance(new Compiler(schema).compile(schema));
    } catch (Unsupported e) {
      return new Conformance(null);
    }
  }

  /** Whether this check could read its whole schema, and so can answer {@code true} at all. */
  boolean complete() {
    return root != null;
  }

  /** True when {@code document} certainly conforms; false when it may not (then ask the full validator). */
  boolean conforms(JsonNode document) {
    return root != null && root.accepts(document);
  }

  /** The schema uses something this check does not know. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /** One schema object, compiled: every keyword it holds, each applied to the instances of its type. */
  private static final class Rule {
    /** The type names allowed, or null for any. */
    Set<String> types;
    Rule reference;
    Map<String, Rule> properties;
    boolean closed;
    List<String> required;
    Rule items;
    Set<String> enumTexts;
    JsonNode constant;
    Pattern pattern;
    int minLength = -1;
    int maxLength = -1;
    int minItems = -1;
    boolean uniqueItems;
    BigDecimal minimum;
    BigDecimal exclusiveMinimum;

    boolean accepts(JsonNode node) {
      if (types != null && !types.contains(typeOf(node))) {
        return false;
      }
      if (reference != null && !reference.accepts(node)) {
        return false;
      }
      if (enumTexts != null && !(node.isTextual() && enumTexts.contains(node.textValue()))) {
        return false;
      }
      if (constant != null && !sameInteger(node, constant)) {
        return false;
      }
      if (node.isTextual()) {
        return acceptsText(node.textValue());
      }
      if (node.isNumber()) {
        return acceptsNumber(node);
      }
      if (node.isObject()) {
        return acceptsObject(node);
      }
      if (node.isArray()) {
        return acceptsArray(node);
      }
      return true;
    }

    private boolean acceptsText(String text) {
      if (minLength >= 0 && (text.length() < minLength || text.codePointCount(0, text.length()) < minLength)) {
        return false;
      }
      if (maxLength >= 0 && text.length() > maxLength) {
        return false;
      }
      return pattern == null || (!hasLineBreak(text) && pattern.matcher(text).find());
    }

    private boolean acceptsNumber(JsonNode number) {
      if (minimum == null && exclusiveMinimum == null) {
        return true;
      }
      BigDecimal exact = number.decimalValue();
      double rounded = number.doubleValue();
      // Both the exact value and its double must clear the bound: a validator may use either.
      if (minimum != null && (exact.compareTo(minimum) < 0 || rounded < minimum.doubleValue())) {
        return false;
      }
      return exclusiveMinimum == null
          || (exact.compareTo(exclusiveMinimum) > 0 && rounded > exclusiveMinimum.doubleValue());
    }

    private boolean acceptsObject(JsonNode object) {
      if (required != null) {
        for (String name : required) {
          if (!object.has(name)) {
            return false;
          }
        }
      }
      if (properties == null) {
        return !closed || object.isEmpty();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        Rule rule = properties.get(member.getKey());
        if (rule == null ? closed : !rule.accepts(member.getValue())) {
          return false;
        }
      }
      return true;
    }

    private boolean acceptsArray(JsonNode array) {
      if (minItems >= 0 && array.size() < minItems) {
        return false;
      }
      Set<String> seen = uniqueItems ? new HashSet<>() : null;
      for (JsonNode element : array) {
        if (items != null && !items.accepts(element)) {
          return false;
        }
        // Only strings are compared here: other items' equality is left to the full validator.
        if (seen != null && !(element.isTextual() && seen.add(element.textValue()))) {
          return false;
        }
      }
      return true;
    }
  }

  /** The JSON Schema type name of a value; a number with a fraction, or a big one, is "number" only. */
  private static String typeOf(JsonNode node) {
    if (node.isTextual()) {
      return "string";
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? "integer" : "number";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    return node.isBoolean() ? "boolean" : "null";
  }

  /** Whether a type set allows {@code type}: an integer is a number too. */
  private static Set<String> withImplied(Set<String> types) {
    Set<String> all = new HashSet<>(types);
    if (all.contains("number")) {
      all.add("integer");
    }
    return all;
  }

  private static boolean sameInteger(JsonNode node, JsonNode constant) {
    return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() == constant.longValue();
  }

  /** A line terminator, before which a pattern's {@code $} may or may not match depending on the engine. */
  private static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** Compiles a schema's objects into rules, each {@code $defs} entry once. */
  private static final class Compiler {
    private final JsonNode document;
    private final Map<String, Rule> definitions = new HashMap<>();

    Compiler(JsonNode document) {
      this.document = document;
    }

    Rule compile(JsonNode schema) throws Unsupported {
      if (!schema.isObject()) {
        throw new Unsupported("a schema that is not an object");
      }
      Rule rule = new Rule();
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> keyword = it.next();
        JsonNode value = keyword.getValue();
        switch (keyword.getKey()) {
          case "type" -> rule.types = withImplied(typeNames(value));
          case "$ref" -> rule.reference = reference(value.asText());
          case "properties" -> rule.properties = properties(value);
          case "additionalProperties" -> {
            if (!value.isBoolean()) {
              throw new Unsupported("additionalProperties as a schema");
            }
            rule.closed = !value.booleanValue();
          }
          case "required" -> rule.required = texts(value);
          case "items" -> rule.items = compile(value);
          case "enum" -> rule.enumTexts = new HashSet<>(texts(value));
          case "const" -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
              throw new Unsupported("a const that is not an integer");
            }
            rule.constant = value;
          }
          case "pattern" -> rule.pattern = Pattern.compile(value.asText());
          case "minLength" -> rule.minLength = count(value);
          case "maxLength" -> rule.maxLength = count(value);
          case "minItems" -> rule.minItems = count(value);
          case "uniqueItems" -> rule.uniqueItems = value.asBoolean();
          case "minimum" -> rule.minimum = bound(value);
          case "exclusiveMinimum" -> rule.exclusiveMinimum = bound(value);
          default -> {
            if (!ANNOTATIONS.contains(keyword.getKey())) {
              throw new Unsupported(keyword.getKey());
            }
          }
        }
      }
      return rule;
    }

    private Rule reference(String ref) throws Unsupported {
      if (!ref.startsWith("#/$defs/") || ref.indexOf('/', 8) >= 0) {
        throw new Unsupported("$ref " + ref);
      }
      Rule known = definitions.get(ref);
      if (known != null) {
        return known;
      }
      JsonNode target = document.path("$defs").path(ref.substring(8));
      if (target.isMissingNode()) {
        throw new Unsupported("$ref " + ref);
      }
      Rule rule = compile(target);
      definitions.put(ref, rule);
      return rule;
    }

    private Map<String, Rule> properties(JsonNode value) throws Unsupported {
      Map<String, Rule> rules = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        rules.put(property.getKey(), compile(property.getValue()));
      }
      return rules;
    }

    private static Set<String> typeNames(JsonNode value) throws Unsupported {
      Set<String> names = new HashSet<>(value.isArray() ? texts(value) : List.of(value.asText()));
      if (!Set.of("string", "number", "integer", "object", "array", "boolean", "null").containsAll(names)) {
        throw new Unsupported("type " + value);
      }
      return names;
    }

    private static List<String> texts(JsonNode array) throws Unsupported {
      List<String> texts = new ArrayList<>();
      for (JsonNode element : array) {
        if (!element.isTextual()) {
          throw new Unsupported("a list holding " + element);
        }
        texts.add(element.textValue());
      }
      return texts;
    }

    private static int count(JsonNode value) throws Unsupported {
      if (!value.canConvertToInt() || value.intValue() < 0) {
        throw new Unsupported("count " + value);
      }
      return value.intValue();
    }

    private static BigDecimal bound(JsonNode value) throws Unsupported {
      if (!value.isNumber()) {
        throw new Unsupported("bound " + value);
      }
      return value.decimalValue();
    }
  }
}
