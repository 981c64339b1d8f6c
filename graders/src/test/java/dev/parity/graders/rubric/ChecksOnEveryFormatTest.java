package dev.parity.graders.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text checks read every document format the same way: the same memo, built as each format
 * by Parity's builders, passes and fails the same checks.
 */
class ChecksOnEveryFormatTest {
  private static final String MEMO = """
      # Q3 Travel Expense Summary

      Total travel spend for the quarter was **$48,210.75**, 6% under budget.

      ## Recommendations

      - Book flights 21 days ahead.
      - Cap hotel nights at $240.

      | Category | Spend |
      | --- | --- |
      | Flights | 30110.25 |
      | Hotels | 18100.50 |
      """;

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"MD", "DOCX", "PDF", "PPTX", "XLSX"})
  void textChecksPassAndFailAlikeOnEveryFormat(FileFormat format) throws IOException {
    DeliverableContent content = contentAs(format);

    assertThat(check(content, "{\"type\": \"contains\", \"text\": \"Hotels\"}").met()).isTrue();
    assertThat(check(content, "{\"type\": \"contains\", \"text\": \"customs forms\"}").met()).isFalse();
    assertThat(check(content, "{\"type\": \"not_contains\", \"text\": \"as an AI\"}").met()).isTrue();
    assertThat(check(content, "{\"type\": \"matches\", \"pattern\": \"\\\\b21 days\\\\b\"}").met())
        .as("regex on %s", format).isEqualTo(format != FileFormat.XLSX);
    assertThat(check(content, "{\"type\": \"number_near\", \"value\": 18100.5, \"tolerance\": 0.01}").met()).isTrue();
    assertThat(check(content, "{\"type\": \"number_near\", \"value\": 99999, \"tolerance\": 1}").met()).isFalse();
    assertThat(check(content, "{\"type\": \"word_count\", \"min\": 5, \"max\": 200}").met()).isTrue();
    assertThat(check(content, "{\"type\": \"word_count\", \"max\": 3}").met()).isFalse();
    assertThat(check(content, "{\"type\": \"page_count\", \"min\": 1, \"max\": 5}").met()).isTrue();
    assertThat(check(content, "{\"type\": \"file_present\", \"format\": \"" + format.id() + "\"}").met()).isTrue();
    assertThat(content.unreadable()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"MD", "DOCX", "PPTX"})
  void headingsAreFoundInEveryFormatThatHasThem(FileFormat format) throws IOException {
    DeliverableContent content = contentAs(format);

    assertThat(check(content, "{\"type\": \"headings\", \"headings\": [\"Recommendations\"]}").met())
        .as("headings of %s", format).isTrue();
    assertThat(check(content, "{\"type\": \"headings\", \"headings\": [\"Appendix\"]}").met()).isFalse();
  }

  private DeliverableContent contentAs(FileFormat format) throws IOException {
    String answer = format == FileFormat.PPTX
        ? "<<<FILE name=\"memo.pptx\" content=\"outline\">>>\n# Q3 Travel Expense Summary\n- Total $48,210.75\n"
            + "- Hotels 18100.50\n# Recommendations\n- Book flights 21 days ahead.\n<<<END FILE>>>"
        : MEMO;
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(format));
    DeliveredFile delivered = result.files().stream().filter(f -> f.format() == format).findFirst()
        .orElseThrow(() -> new AssertionError("no " + format + " built: " + result));
    Path file = Files.write(folder.resolve(delivered.name()), delivered.bytes());
    return DeliverableContent.of(List.of(new DeliverableContent.File(delivered.name(), format, file)));
  }

  private static CheckResult check(DeliverableContent content, String json) throws IOException {
    return Checks.parse(new ObjectMapper().readTree(json)).evaluate(content);
  }
}
