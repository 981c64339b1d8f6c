package dev.parity.harness.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worked examples of each provider's documentation, computed by {@link ImageTokens}. */
class ImageTokensTest {
  private static ModelConfig model(String provider) {
    return new ModelConfig(null, provider, "m", null, null, null, null, null, null, false, null);
  }

  @Test
  void openAiCountsEightyFiveTokensAndOneHundredSeventyPerTileAfterScaling() {
    // platform.openai.com/docs/guides/images-vision, "Calculating costs": 1024 x 1024 is scaled to
    // 768 x 768, four tiles, 765 tokens; 2048 x 4096 to 768 x 1536, six tiles, 1105 tokens.
    assertThat(ImageTokens.image(model("openai"), 1024, 1024)).isEqualTo(765);
    assertThat(ImageTokens.image(model("openai"), 2048, 4096)).isEqualTo(1105);
    assertThat(ImageTokens.image(model("openai-compatible"), 512, 512)).as("never enlarged: one tile").isEqualTo(255);
  }

  @Test
  void anthropicCountsPixelsOverSevenHundredFiftyAfterCappingTheLongEdge() {
    // docs.anthropic.com/en/docs/build-with-claude/vision: 1092 x 1092 is about 1590 tokens; a
    // 1000 x 1000 image about 1334; a larger one is first scaled to 1568 on its long edge.
    assertThat(ImageTokens.image(model("anthropic"), 1092, 1092)).isEqualTo(1590);
    assertThat(ImageTokens.image(model("anthropic"), 1000, 1000)).isEqualTo(1334);
    assertThat(ImageTokens.image(model("anthropic"), 3136, 3136)).isEqualTo(ImageTokens.image(model("anthropic"), 1568, 1568));
  }

  @Test
  void geminiCountsTwoHundredFiftyEightPerSmallImageOrPerTile() {
    // ai.google.dev/gemini-api/docs/tokens: up to 384 px on both sides, 258 tokens; larger images
    // are tiled 768 x 768, 258 tokens a tile; a PDF page is 258 tokens.
    assertThat(ImageTokens.image(model("gemini"), 384, 384)).isEqualTo(258);
    assertThat(ImageTokens.image(model("gemini"), 1024, 791)).isEqualTo(4 * 258);
    assertThat(ImageTokens.pdfPage(model("gemini"), 1024, 791)).isEqualTo(258);
    assertThat(ImageTokens.pdfPage(model("anthropic"), 791, 1024)).isEqualTo(ImageTokens.image(model("anthropic"), 791, 1024));
  }
}
