package dev.parity.graders.testing;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.Pages;
import dev.parity.documents.PdfPageRenderer;
import dev.parity.documents.UnableToRenderException;
import dev.parity.documents.testing.TestBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Page renderers for tests: PDFBox's, counted and held until released, or one that always fails. */
public final class FakePageRenderers {
  private FakePageRenderers() {}

  /** A PDF whose pages show {@code texts}, one text a page. */
  public static byte[] pdf(String... texts) {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : texts) {
        TestBytes.textPage(pdf, text);
      }
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * PDFBox's renderer that records the bytes it is asked to draw, in order, and while held waits in
   * {@link #render} until {@link #release}: a render that is "still running" for as long as a test
   * needs, without sleeping.
   */
  public static final class Held implements PageRenderer {
    private final PdfPageRenderer pdf = new PdfPageRenderer();
    private final String version;
    private final CountDownLatch released;
    /** Counted down when a render starts waiting. */
    public final CountDownLatch started = new CountDownLatch(1);
    public final List<byte[]> drawn = new CopyOnWriteArrayList<>();

    /** Held until released when {@code held}, else drawing at once; {@code version} names it in cache keys. */
    public Held(boolean held, String version) {
      this.released = new CountDownLatch(held ? 1 : 0);
      this.version = version;
    }

    public void release() {
      released.countDown();
    }

    @Override
    public boolean handles(FileFormat format) {
      return pdf.handles(format);
    }

    @Override
    public Pages render(FileFormat format, byte[] bytes, PageOptions options) {
      drawn.add(bytes);
      started.countDown();
      try {
        if (!released.await(60, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never released the renderer");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnableToRenderException("interrupted", e);
      }
      return pdf.render(format, bytes, options);
    }

    @Override
    public String version() {
      return version;
    }
  }

  /** A renderer of PDFs that fails on every file with {@code reason}, as a converter that timed out. */
  public static PageRenderer failing(String reason) {
    return new PageRenderer() {
      @Override
      public boolean handles(FileFormat format) {
        return format == FileFormat.PDF;
      }

      @Override
      public Pages render(FileFormat format, byte[] bytes, PageOptions options) {
        throw new UnableToRenderException(reason, null);
      }

      @Override
      public String version() {
        return "failing 1";
      }
    };
  }
}
