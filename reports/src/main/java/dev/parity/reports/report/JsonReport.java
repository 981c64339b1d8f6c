package dev.parity.reports.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.parity.tasks.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code report.json}: the {@link Report} record as JSON, snake_case keys, indented; a figure that
 * is not a finite number is written as {@code null} (JSON has no NaN). Layout documented in
 * docs/report-format.md.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = mapper();

  private JsonReport() {}

  /** The report as a JSON document. */
  public static String toJson(Report report) {
    try {
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report as JSON", e);
    }
  }

  /**
   * Writes the report as a JSON document to {@code out}, the same text as {@link #toJson}; does not
   * close it. Streamed, not built as one string first: at a million judgments report.json is
   * 55 MB, written while the other files are.
   */
  public static void write(Report report, Writer out) {
    try {
      MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
      out.write("\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report.json", e);
    }
  }

  /** A mapper that reads report.json back into a tree, for tools and tests. */
  public static ObjectMapper mapper() {
    SimpleModule finiteOnly = new SimpleModule("finite-numbers");
    JsonSerializer<Double> doubles = new JsonSerializer<>() {
      @Override
      public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (Double.isFinite(value)) {
          json.writeNumber(value);
        } else {
          json.writeNull();
        }
      }
    };
    finiteOnly.addSerializer(Double.class, doubles);
    finiteOnly.addSerializer(double.class, doubles);
    return SuiteLoader.mapper().registerModule(finiteOnly)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
