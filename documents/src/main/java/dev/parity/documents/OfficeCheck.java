package dev.parity.documents;

import dev.parity.core.doctor.Check;
import dev.parity.core.doctor.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * {@code parity doctor}'s check of the office converter: LibreOffice found, its version, and a
 * real conversion of a one-page DOCX to a page image.
 */
public final class OfficeCheck implements Check {
  private final Optional<Path> soffice;

  /** Checks the LibreOffice that {@link PageRenderers#findSoffice()} finds. */
  public OfficeCheck() {
    this(PageRenderers.findSoffice());
  }

  /** Checks {@code soffice}; empty means not found. */
  public OfficeCheck(Optional<Path> soffice) {
    this.soffice = soffice;
  }

  @Override
  public String name() {
    return "office";
  }

  @Override
  public String purpose() {
    return "office converter: DOCX, XLSX and PPTX shown as pages (else as HTML)";
  }

  @Override
  public CheckResult run() {
    try (PageRenderers.Opened opened = PageRenderers.open(soffice, UnaryOperator.identity())) {
      if (!opened.office()) {
        String why = opened.officeMissing().orElseThrow();
        return soffice.isEmpty()
            ? CheckResult.missing(why, PageRenderers.INSTALL_OFFICE)
            : CheckResult.broken(why, "reinstall it: " + PageRenderers.INSTALL_OFFICE);
      }
      OfficePageRenderer office = (OfficePageRenderer) opened.renderer();
      long start = System.nanoTime();
      Pages pages = office.render(FileFormat.DOCX, testDocument(), new PageOptions(1, 256));
      long millis = (System.nanoTime() - start) / 1_000_000;
      return CheckResult.ok(office.version() + " at " + soffice.orElseThrow() + "; test conversion: "
          + pages.pageCount() + " page in " + millis + " ms; "
          + (office.networkIsolated() ? "no network (own network namespace)"
              : "NOT network-isolated: this system does not let users run 'unshare -rn'"));
    } catch (UnableToRenderException e) {
      return CheckResult.broken("a test conversion failed: " + e.getMessage(),
          "run 'soffice --headless --convert-to pdf FILE.docx' to see LibreOffice's own error; reinstall with: "
              + PageRenderers.INSTALL_OFFICE);
    }
  }

  private static byte[] testDocument() {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Parity doctor: a test page.");
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
