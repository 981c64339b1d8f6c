package dev.parity.documents;

import java.util.Set;

/**
 * Pages of DOCX, XLSX and PPTX files as the client would see them: converted to PDF by
 * LibreOffice headless, then drawn by {@link PdfPageRenderer}, which also draws PDF files and
 * images. Markdown, text, CSV and JSON are not drawn as pages: their HTML view shows all there is.
 *
 * <p>Give it {@linkplain Documents#strip stripped} bytes only: the office process opens the
 * file, and a stripped file has no external link, field or macro left for it to follow. How the
 * office process is confined (no network, lower priority, private profile, timeout, concurrency
 * cap) is on {@link OfficeConverter} and in docs/rendering.md.
 *
 * <p>Thread-safe. {@link #close()} deletes the office profiles; conversions after it fail.
 */
public final class OfficePageRenderer implements PageRenderer, AutoCloseable {
  private static final Set<FileFormat> OFFICE = Set.of(FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX);

  private final OfficeConverter converter;
  private final PdfPageRenderer pdf = new PdfPageRenderer();

  /**
   * Checks that {@code settings.soffice()} runs as LibreOffice (a second or so).
   *
   * @throws UnableToRenderException if it does not
   */
  public OfficePageRenderer(OfficeSettings settings) {
    this(new OfficeConverter(settings, OfficeConverter.WAIT));
  }

  OfficePageRenderer(OfficeConverter converter) {
    this.converter = converter;
  }

  @Override
  public boolean handles(FileFormat format) {
    return OFFICE.contains(format) || pdf.handles(format);
  }

  @Override
  public Pages render(FileFormat format, byte[] bytes, PageOptions options) {
    if (!OFFICE.contains(format)) {
      return pdf.render(format, bytes, options);
    }
    byte[] converted = pdf(format, bytes);
    Pages pages = pdf.render(FileFormat.PDF, converted, options);
    return new Pages(pages.images(), pages.pageCount(), version());
  }

  /**
   * The PDF LibreOffice makes of a DOCX, XLSX or PPTX file (for a judge model that reads PDF);
   * same confinement and failures as {@link #render}.
   *
   * @throws UnableToRenderException if {@code format} is not an office format, or the conversion
   *     failed ("could not be rendered: …")
   */
  public byte[] pdf(FileFormat format, byte[] bytes) {
    if (!OFFICE.contains(format)) {
      throw new UnableToRenderException("a " + format.id() + " file is not converted to PDF: only docx, xlsx and pptx are", null);
    }
    return converter.toPdf(format, bytes);
  }

  /** {@code LibreOffice 7.4.7.2 + PDFBox 3.0.8}. */
  @Override
  public String version() {
    return converter.version() + " + " + pdf.version();
  }

  /**
   * Whether each office process runs without network, in a network namespace of its own
   * ({@code unshare -rn}); false where the system does not let users make one.
   */
  public boolean networkIsolated() {
    return converter.isolated();
  }

  @Override
  public void close() {
    converter.close();
  }
}
