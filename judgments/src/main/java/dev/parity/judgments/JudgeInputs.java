package dev.parity.judgments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Objects;

/**
 * What a model judge was shown in one call, file by file: page images, a native PDF or text only,
 * how many pages of how many, and what drew them. Stored with each judge call and rubric score
 * (as JSON, {@code judge_calls.inputs} and {@code rubric_scores.inputs}); null for those made
 * before judges saw pages. Immutable.
 *
 * @param renderer what drew the pages, with versions ({@code PDFBox 3.0.8}); null when nothing was drawn
 * @param maxPages the page budget per file
 * @param longEdge the long edge of each page image, in pixels
 * @param files every file shown, references first, then the deliverables
 */
public record JudgeInputs(String renderer, int maxPages, int longEdge, List<File> files) {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public JudgeInputs {
    files = List.copyOf(files);
  }

  /** How a file reached the judge. */
  public enum Mode {
    /** As page images (PNG), with its extracted text. */
    @JsonProperty("pages") PAGES,
    /** As the PDF itself, which the provider reads as pages, with its extracted text. */
    @JsonProperty("pdf") PDF,
    /** As extracted text only: the judge takes neither images nor PDFs, or the file could not be drawn. */
    @JsonProperty("text") TEXT
  }

  /**
   * One file as the judge got it.
   *
   * @param label the file as the prompt names it ({@code deliverable A, file 1}, {@code reference q3.xlsx})
   * @param format the file's format id ({@code docx})
   * @param mode how it was sent
   * @param pagesSent how many pages went as images or PDF pages (0 for text)
   * @param pageCount how many pages the file has; null when unknown (not drawn)
   * @param note why a file went as text, or what else the judge was told; null when nothing
   */
  public record File(String label, String format, Mode mode, int pagesSent, Integer pageCount, String note) {
    public File {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(mode, "mode");
    }

    /** Whether the file has pages that were not sent (the page budget cut it); written to JSON for readers. */
    @JsonProperty("truncated")
    public boolean truncated() {
      return pageCount != null && pageCount > pagesSent && mode != Mode.TEXT;
    }
  }

  /** The stored form: JSON with snake_case keys. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write judge inputs", e);
    }
  }

  /**
   * Reads {@link #toJson()}'s form; null for null (calls made before judges saw pages).
   *
   * @throws IllegalStateException naming the value when it is not such JSON
   */
  public static JudgeInputs ofJson(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, JudgeInputs.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored judge inputs are not valid: " + json, e);
    }
  }
}
