package dev.parity.graders.render;

import dev.parity.documents.FileFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Renders any deliverable or reference file (md, txt, csv, json, docx, xlsx, pptx, pdf, png,
 * jpg) to a {@link Rendering}: sanitised HTML with one look whatever made the file. A file that
 * cannot be read renders as a message saying so ({@link Rendering#readable()} false), never as
 * an exception, so one broken file cannot stop a grading page. Stateless and thread-safe.
 */
public final class DocumentRenderer {
  private DocumentRenderer() {}

  /**
   * Renders the file at {@code path}, its format taken from its extension.
   *
   * @throws UnableToRenderException if the file cannot be read from disk
   */
  public static Rendering render(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UnableToRenderException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return render(path.getFileName().toString(), bytes);
  }

  /** Renders a file given by its name (for its extension) and its bytes. */
  public static Rendering render(String name, byte[] bytes) {
    Optional<FileFormat> format = FileFormat.ofFileName(name);
    if (format.isEmpty()) {
      return Draft.unreadable("this file cannot be shown: its format is not one of " + FileFormat.knownIds());
    }
    return render(format.get(), bytes);
  }

  /** Renders bytes of a known format. */
  public static Rendering render(FileFormat format, byte[] bytes) {
    Draft draft = new Draft();
    try {
      switch (format) {
        case MD -> TextRenderers.markdown(text(bytes), draft);
        case TXT -> TextRenderers.plain(text(bytes), draft);
        case CSV -> TextRenderers.csv(text(bytes), draft);
        case JSON -> TextRenderers.json(text(bytes), draft);
        case DOCX -> DocxRenderer.render(bytes, draft);
        case XLSX -> XlsxRenderer.render(bytes, draft);
        case PPTX -> PptxRenderer.render(bytes, draft);
        case PDF -> PdfRenderer.render(bytes, draft);
        case PNG, JPG -> image(format, bytes, draft);
      }
    } catch (IOException | RuntimeException e) {
      return Draft.unreadable("this " + format.id() + " file cannot be shown: it does not open ("
          + firstLine(e) + ")");
    }
    return draft.finish();
  }

  private static void image(FileFormat format, byte[] bytes, Draft draft) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null || !Html.appendImage(draft.root.appendElement("figure"), bytes, "image")) {
      throw new IOException("not a " + format.id() + " image");
    }
  }

  private static String text(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
