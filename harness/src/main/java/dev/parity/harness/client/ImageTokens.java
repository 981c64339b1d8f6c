package dev.parity.harness.client;

/**
 * How many input tokens an image costs a model, by its provider's documented formula: what a dry
 * run, a budget and a tokens-per-minute limit count for each page image a judge is sent. These are
 * estimates before the call; the provider's reported usage is what is paid.
 *
 * <ul>
 *   <li>OpenAI (and OpenAI-compatible servers, which imitate it): at {@code detail: high} the image
 *       is scaled to fit 2048×2048, then so that its short side is at most 768 px, and costs 85
 *       tokens plus 170 per 512-px tile (platform.openai.com/docs/guides/images-vision, "Calculating
 *       costs", GPT-4o/4.1/5 family; the mini models bill patches instead, which this over-counts).
 *   <li>Anthropic: an image whose long edge exceeds 1568 px is scaled down to it, then costs
 *       width × height / 750 tokens (docs.anthropic.com/en/docs/build-with-claude/vision,
 *       "Calculate image costs").
 *   <li>Gemini: an image of at most 384 px on both sides costs 258 tokens; a larger one is cut into
 *       768×768 tiles of 258 tokens each (ai.google.dev/gemini-api/docs/tokens, "Multimodal
 *       tokens"); a PDF page costs 258 tokens too (ai.google.dev/gemini-api/docs/document-processing).
 * </ul>
 *
 * A PDF sent natively is read by OpenAI and Anthropic as each page's text and an image of it; it is
 * counted here as one image of the page size per page ({@link #pdfPage}), its text separately.
 * Stateless.
 */
public final class ImageTokens {
  private ImageTokens() {}

  /** The tokens one {@code width} × {@code height} image costs {@code model}. */
  public static long image(ModelConfig model, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("an image needs a size, got " + width + "x" + height);
    }
    return switch (model.provider()) {
      case "anthropic" -> anthropic(width, height);
      case "gemini" -> gemini(width, height);
      default -> openAi(width, height);
    };
  }

  /** The tokens one page of a natively sent PDF costs besides its text, for a page drawn at that size. */
  public static long pdfPage(ModelConfig model, int width, int height) {
    return "gemini".equals(model.provider()) ? 258 : image(model, width, height);
  }

  static long openAi(int width, int height) {
    double w = width;
    double h = height;
    double fit = Math.min(1, 2048 / Math.max(w, h));
    w *= fit;
    h *= fit;
    double shortSide = Math.min(1, 768 / Math.min(w, h));
    w *= shortSide;
    h *= shortSide;
    long tiles = (long) Math.ceil(Math.round(w) / 512.0) * (long) Math.ceil(Math.round(h) / 512.0);
    return 85 + 170 * tiles;
  }

  static long anthropic(int width, int height) {
    double scale = Math.min(1, 1568.0 / Math.max(width, height));
    long w = Math.round(width * scale);
    long h = Math.round(height * scale);
    return (long) Math.ceil(w * h / 750.0);
  }

  static long gemini(int width, int height) {
    if (width <= 384 && height <= 384) {
      return 258;
    }
    return 258L * (long) Math.ceil(width / 768.0) * (long) Math.ceil(height / 768.0);
  }
}
