package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * The reference cases of {@code stats-vectors.json} (values computed with R and SciPy; see its
 * provenance header), and the bookkeeping that makes every expected key of a case either checked
 * within its tolerance or skipped with a stated reason.
 */
final class StatsVectors {
  private static final JsonNode ROOT = load();

  private StatsVectors() {}

  /** Every case of {@code method}, for a {@code @MethodSource}. */
  static List<Case> cases(String method) {
    List<Case> cases = StreamSupport.stream(ROOT.get("cases").spliterator(), false)
        .filter(c -> c.get("method").asText().equals(method))
        .map(Case::new)
        .toList();
    assertThat(cases).as("cases of method " + method).isNotEmpty();
    return cases;
  }

  /** Every method that has a case in the file. */
  static Set<String> methods() {
    Set<String> methods = new TreeSet<>();
    ROOT.get("cases").forEach(c -> methods.add(c.get("method").asText()));
    return methods;
  }

  private static JsonNode load() {
    try (InputStream in = StatsVectors.class.getResourceAsStream("/stats-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One reference case; {@link #expect()} starts checking its expected values. */
  static final class Case {
    final String id;
    final JsonNode input;
    final JsonNode parameters;
    final JsonNode expected;
    final JsonNode tolerance;

    Case(JsonNode node) {
      id = node.get("id").asText();
      input = node.get("input");
      parameters = node.path("parameters");
      expected = node.get("expected");
      tolerance = node.get("tolerance");
    }

    Expectations expect() {
      return new Expectations(this);
    }

    double[] doubles(String field) {
      return doubles(input.get(field));
    }

    static double[] doubles(JsonNode array) {
      double[] values = new double[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
      }
      return values;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * Compares computed values with a case's expected ones. Nested objects and arrays are
   * flattened ({@code p_j[2]}, {@code bootstrap_se_target.A}); a key's tolerance is its own entry
   * in {@code per_key}, else its top-level key's, else the default: |got − expected| ≤ max(abs,
   * rel·|expected|).
   */
  static final class Expectations {
    private final Case c;
    private final Map<String, Flat> flat = new LinkedHashMap<>();
    private final Set<String> accounted = new TreeSet<>();
    private final List<String> failures = new ArrayList<>();

    private record Flat(String topLevel, JsonNode value) {}

    Expectations(Case c) {
      this.c = c;
      for (Map.Entry<String, JsonNode> field : c.expected.properties()) {
        flatten(field.getKey(), field.getKey(), field.getValue());
      }
    }

    private void flatten(String topLevel, String key, JsonNode value) {
      if (value.isObject()) {
        value.properties().forEach(f -> flatten(topLevel, key + "." + f.getKey(), f.getValue()));
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          flatten(topLevel, key + "[" + i + "]", value.get(i));
        }
      } else {
        flat.put(key, new Flat(topLevel, value));
      }
    }

    /** The expected value of {@code key}. */
    double value(String key) {
      return node(key).asDouble();
    }

    JsonNode node(String key) {
      Flat f = flat.get(key);
      assertThat(f).as(c.id + ": expected key " + key).isNotNull();
      return f.value();
    }

    /** Checks {@code key} with the case's tolerance. */
    Expectations check(String key, double actual) {
      JsonNode t = c.tolerance.path("per_key").path(key);
      if (t.isMissingNode()) {
        t = c.tolerance.path("per_key").path(flat.get(key) == null ? key : flat.get(key).topLevel());
      }
      if (t.isMissingNode()) {
        t = c.tolerance.path("default");
      }
      return within(key, actual, t.path("rel").asDouble(0), t.path("abs").asDouble(0));
    }

    /** Checks {@code key} with the case's Monte Carlo tolerance for {@code resamples}. */
    Expectations checkMonteCarlo(String key, double actual, int resamples) {
      JsonNode t = c.tolerance.path("monte_carlo").path("B=" + resamples).path(key);
      assertThat(t.isMissingNode()).as(c.id + ": Monte Carlo tolerance of " + key).isFalse();
      return within(key, actual, t.path("rel").asDouble(0), t.path("abs").asDouble(0));
    }

    /** Checks {@code key} with an explicit absolute tolerance, saying why. */
    Expectations checkWithin(String key, double actual, double abs) {
      return within(key, actual, 0, abs);
    }

    private Expectations within(String key, double actual, double rel, double abs) {
      double expected = value(key);
      accounted.add(key);
      double allowed = Math.max(abs, rel * Math.abs(expected));
      if (!(Math.abs(actual - expected) <= allowed)
          && !(Double.isInfinite(expected) && expected == actual)) {
        failures.add(String.format("%s: got %.17g, expected %.17g ± %.3g", key, actual, expected,
            allowed));
      }
      return this;
    }

    /** Checks a true/false key. */
    Expectations check(String key, boolean actual) {
      accounted.add(key);
      if (node(key).asBoolean() != actual) {
        failures.add(key + ": got " + actual + ", expected " + node(key).asBoolean());
      }
      return this;
    }

    /** Marks every key starting with {@code prefix} as not computed here, for {@code reason}. */
    Expectations skip(String prefix, String reason) {
      assertThat(reason).isNotBlank();
      List<String> matched = flat.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
      assertThat(matched).as(c.id + ": keys to skip starting with " + prefix).isNotEmpty();
      accounted.addAll(matched);
      return this;
    }

    /** As {@link #skip}, for a key that only some cases of a method have. */
    Expectations skipIfPresent(String prefix, String reason) {
      return flat.keySet().stream().anyMatch(k -> k.startsWith(prefix)) ? skip(prefix, reason) : this;
    }

    /** Fails with every mismatch, and with any key neither checked nor skipped. */
    void verify() {
      Set<String> unaccounted = new TreeSet<>(flat.keySet());
      unaccounted.removeAll(accounted);
      assertThat(failures).as(c.id + ": values outside tolerance").isEmpty();
      assertThat(unaccounted).as(c.id + ": expected keys neither checked nor skipped").isEmpty();
    }
  }
}
