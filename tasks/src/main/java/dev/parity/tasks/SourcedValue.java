package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A number about human work with where it comes from, e.g. a baseline's minutes.
 *
 * <p>In {@code task.json} it is a plain number (a {@link ValueSource#REPORTED} value, as every
 * suite before sources were recorded), or an object: {@code {"value": 240, "source": "measured"}},
 * {@code {"value": 48.9, "source": "estimated", "basis": "BLS OEWS May 2024 median"}} or
 * {@code {"source": "unknown"}}.
 *
 * @param value the number; null exactly when the source is {@link ValueSource#UNKNOWN}
 * @param source where it comes from
 * @param basis what an estimate was made from; required for {@link ValueSource#ESTIMATED}, may be
 *     null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourcedValue(Double value, ValueSource source, String basis) {
  /** A value nobody knows. */
  public static final SourcedValue UNKNOWN = new SourcedValue(null, ValueSource.UNKNOWN, null);

  /**
   * @throws IllegalArgumentException if a known source has no value, an unknown one has a value,
   *     or an estimate does not say what it was made from
   */
  public SourcedValue(Double value, ValueSource source, String basis) {
    Objects.requireNonNull(source, "source");
    if ((value == null) != (source == ValueSource.UNKNOWN)) {
      throw new IllegalArgumentException(source == ValueSource.UNKNOWN
          ? "an unknown value must not have a value, was " + value
          : "a " + source.id() + " value needs a value");
    }
    if (source == ValueSource.ESTIMATED && (basis == null || basis.isBlank())) {
      throw new IllegalArgumentException("an estimated value must name its basis");
    }
    this.value = value;
    this.source = source;
    this.basis = basis;
  }

  /**
   * The value as written in a file: a plain number, or an object with {@code value},
   * {@code source} and {@code basis}. The schema has checked the types.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static SourcedValue fromJson(JsonNode json) {
    if (json.isNumber()) {
      return reported(json.doubleValue());
    }
    JsonNode value = json.get("value");
    JsonNode basis = json.get("basis");
    return new SourcedValue(value == null || value.isNull() ? null : value.doubleValue(),
        ValueSource.of(json.path("source").asText()), basis == null || basis.isNull() ? null : basis.asText());
  }

  /** A value its contributor reported: how a plain number in a file is read. */
  public static SourcedValue reported(double value) {
    return new SourcedValue(value, ValueSource.REPORTED, null);
  }

  /** Whether there is a value at all. */
  public boolean isKnown() {
    return source != ValueSource.UNKNOWN;
  }

  /** The value when statistics may use it as it is (measured or reported); empty otherwise. */
  public OptionalDouble firstHand() {
    return source.isFirstHand() ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** {@code 45 (reported)}, {@code 48.9 (estimated: BLS …)}, {@code unknown}. */
  @Override
  public String toString() {
    if (!isKnown()) {
      return "unknown";
    }
    String number = value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
    return number + " (" + source.id() + (basis == null ? "" : ": " + basis) + ")";
  }
}
