package dev.parity.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Version;

/**
 * Pages of PDF files drawn with PDFBox, and PNG and JPEG images as a single page, scaled so that
 * the longer side is {@link PageOptions#longEdge()} (images are never enlarged). Needs nothing
 * outside the JVM; office formats need a converter to PDF first.
 */
public final class PdfPageRenderer implements PageRenderer {
  // PDFBox's own record of its version: the jar manifest's is lost when Parity is shaded into one jar.
  private static final String VERSION = "PDFBox " + Objects.requireNonNullElse(Version.getVersion(), "(unknown version)");

  @Override
  public boolean handles(FileFormat format) {
    return format == FileFormat.PDF || format.isImage();
  }

  @Override
  public Pages render(FileFormat format, byte[] bytes, PageOptions options) {
    if (!handles(format)) {
      throw new UnableToRenderException(
          "a " + format.id() + " file cannot be drawn as pages without an office converter", null);
    }
    try {
      return format == FileFormat.PDF ? pdf(bytes, options) : image(format, bytes, options);
    } catch (IOException | RuntimeException e) {
      throw new UnableToRenderException("this " + format.id() + " file cannot be drawn as pages: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  @Override
  public String version() {
    return VERSION;
  }

  private Pages pdf(byte[] bytes, PageOptions options) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFRenderer renderer = new PDFRenderer(pdf);
      int count = pdf.getNumberOfPages();
      List<PageImage> images = new ArrayList<>();
      for (int i = 0; i < Math.min(count, options.maxPages()); i++) {
        PDRectangle box = pdf.getPage(i).getCropBox();
        float points = Math.max(box.getWidth(), box.getHeight());
        // 72 points to the inch: this DPI puts the longer side at the wanted length.
        float dpi = points <= 0 ? 72 : options.longEdge() * 72f / points;
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
        images.add(page(i + 1, image));
      }
      return new Pages(images, count, VERSION);
    }
  }

  private Pages image(FileFormat format, byte[] bytes, PageOptions options) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("not a " + format.id() + " image");
    }
    int longer = Math.max(image.getWidth(), image.getHeight());
    if (longer > options.longEdge()) {
      double scale = (double) options.longEdge() / longer;
      image = scaled(image, Math.max(1, (int) Math.round(image.getWidth() * scale)),
          Math.max(1, (int) Math.round(image.getHeight() * scale)));
    }
    return new Pages(List.of(page(1, image)), 1, VERSION);
  }

  private static BufferedImage scaled(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, java.awt.Color.WHITE, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static PageImage page(int number, BufferedImage image) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer in this JVM");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      // A lighter deflate than the JDK's default: on document pages (large flat areas) it costs
      // a third less time and the files come out no larger (OfficePagesBenchmark's 20 pages).
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.75f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return new PageImage(number, image.getWidth(), image.getHeight(), png.toByteArray());
  }
}
