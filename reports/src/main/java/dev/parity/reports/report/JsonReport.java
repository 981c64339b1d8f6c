package dev.parity.reports.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.parity.tasks.SuiteLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code report.json}: the {@link Report} record as JSON, snake_case keys, indented; a figure that
 * is not a finite number is written as {@code null} (JSON has no NaN). Layout documented in
 * docs/report-format.md.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = mapper();
  /** The writer of a whole report, its serializers found once (for {@link Report} and all it holds). */
  private static final ObjectWriter WRITER =
      MAPPER.writerFor(Report.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonReport() {}

  /** The report as a JSON document. */
  public static String toJson(Report report) {
    try {
      return WRITER.writeValueAsString(report) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report as JSON", e);
    }
  }

  /**
   * Writes the report as a JSON document to {@code out}, UTF-8, the same text as {@link #toJson};
   * does not close it. Streamed as bytes, not built as one string first: at a million judgments
   * report.json is 55 MB, written while the other files are.
   */
  public static void write(Report report, OutputStream out) {
    try {
      WRITER.writeValue(out, report);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report.json", e);
    }
  }

  /**
   * Builds the JSON writer now, on the calling thread, if no thread has yet. The writer's
   * serializers come from Jackson's introspection of every record a report holds, 0.2–0.3 s in a
   * fresh JVM (benchmarks/README.md, "The report's garbage, files and order"): {@code parity
   * report} has this done while the statistics run, where it fills a core's gaps instead of
   * delaying the files.
   */
  public static void prepare() {
    // Initializing the class builds the writer; a thread that needs it meanwhile waits for it.
    Objects.requireNonNull(WRITER);
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
    // Doubles as the shortest text that reads back as the same double (Schubfach), as Java 19 and
    // later write them: Java 17's Double.toString is slower and, for a few values, a digit longer.
    return SuiteLoader.mapper().registerModule(finiteOnly)
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature())
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
