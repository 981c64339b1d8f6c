package dev.parity.harness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable table = PriceTable.shipped();

  @Test
  void everyShippedPriceNamesItsPageAndDate() {
    assertThat(table.entries()).hasSizeGreaterThan(20);
    assertThat(table.entries()).allSatisfy(entry -> {
      assertThat(entry.sourceUrl()).startsWith("https://");
      assertThat(entry.asOf()).isAfter(LocalDate.of(2025, 1, 1)).isBefore(LocalDate.of(2026, 12, 31));
      assertThat(entry.price().source()).isEqualTo(entry.sourceUrl() + " (" + entry.asOf() + ")");
      assertThat(entry.price().outputPerMillion()).isGreaterThanOrEqualTo(entry.price().inputPerMillion());
    });
    assertThat(table.entries()).extracting(PriceTable.Entry::provider).contains("openai", "anthropic", "gemini");
  }

  @Test
  void docsModelsMdListsEveryShippedPrice() throws IOException {
    String docs = Files.readString(Path.of("../docs/models.md"));

    assertThat(table.entries()).allSatisfy(entry -> {
      ModelConfig.Price price = entry.price();
      String row = "| " + entry.provider() + " | `" + entry.model() + "`"
          + (entry.aliases().isEmpty() ? "" : " (also " + String.join(", ", entry.aliases()) + ")")
          + " | " + number(price.inputPerMillion())
          + " | " + (price.cachedInputPerMillion() == null ? "—" : number(price.cachedInputPerMillion()))
          + " | " + number(price.outputPerMillion()) + " | " + entry.asOf() + " |";
      assertThat(docs).contains(row);
    });
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Test
  void aDatedModelIdHasThePriceOfItsAlias() {
    ModelConfig.Price price = table.find("anthropic", "claude-sonnet-4-5-20250929").orElseThrow();

    assertThat(price).isEqualTo(table.find("anthropic", "claude-sonnet-4-5").orElseThrow());
    assertThat(price.inputPerMillion()).isEqualTo(3.0);
    assertThat(table.find("openai", "gpt-4o-2024-08-06")).isEqualTo(table.find("openai", "gpt-4o"));
    assertThat(table.find("anthropic", "claude-opus-4-20250514")).isEqualTo(table.find("anthropic", "claude-opus-4-0"));
    assertThat(table.find("gemini", "models/gemini-2.5-pro")).isEqualTo(table.find("gemini", "gemini-2.5-pro"));
  }

  @Test
  void aModelTheTableDoesNotKnowHasNoPriceRatherThanANeighboursPrice() {
    assertThat(table.find("openai", "gpt-4o-mini-tts")).isEmpty();
    assertThat(table.find("openai-compatible", "gpt-4o")).isEmpty();
    assertThat(table.find("openai", "my-fine-tune")).isEmpty();
  }

  @Test
  void costCountsCachedInputAtItsOwnRateAndIsUnknownWithoutUsage() {
    ModelConfig.Price gpt5 = table.find("openai", "gpt-5").orElseThrow();
    // 2,006 input of which 1,920 cached, 1,300 output (chat-usage-cached-and-reasoning.constructed.json)
    double expected = (86 * 1.25 + 1920 * 0.125 + 1300 * 10.0) / 1_000_000;

    assertThat(gpt5.cost(new Usage(2006L, 1300L, 1024L, 1920L))).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(gpt5.cost(Usage.UNKNOWN)).isNull();
  }
}
