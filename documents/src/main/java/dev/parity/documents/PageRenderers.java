package dev.parity.documents;

import dev.parity.core.doctor.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Picks the page renderer this machine can offer: {@link OfficePageRenderer} when LibreOffice is
 * found, else {@link PdfPageRenderer} (PDF and images only), and says which.
 */
public final class PageRenderers {
  /** What to install when LibreOffice is missing (Debian and Ubuntu package names). */
  public static final String INSTALL_OFFICE =
      "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui";

  private PageRenderers() {}

  /**
   * The renderer chosen, and why.
   *
   * @param renderer draws pages; close it when done (it deletes the office profiles)
   * @param officeMissing empty when DOCX, XLSX and PPTX are drawn as pages; otherwise why not, for
   *     a notice such as "LibreOffice not found: showing the HTML view"
   */
  public record Opened(PageRenderer renderer, Optional<String> officeMissing) implements AutoCloseable {
    /** Whether office files are drawn as pages. */
    public boolean office() {
      return officeMissing.isEmpty();
    }

    @Override
    public void close() {
      if (renderer instanceof OfficePageRenderer office) {
        office.close();
      }
    }
  }

  /**
   * LibreOffice's {@code soffice} on the {@code PATH}, or {@code /usr/bin/soffice}, or the
   * program named by the {@code PARITY_SOFFICE} environment variable when it is set.
   */
  public static Optional<Path> findSoffice() {
    String configured = System.getenv("PARITY_SOFFICE");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    return Programs.onPath("soffice").or(() -> Programs.onPath("libreoffice"))
        .or(() -> Optional.of(Path.of("/usr/bin/soffice")).filter(Files::isExecutable));
  }

  /** The best renderer here, with the default {@link OfficeSettings}. */
  public static Opened open() {
    return open(findSoffice(), UnaryOperator.identity());
  }

  /**
   * The office renderer for {@code soffice} with settings adjusted by {@code adjust}, or the
   * PDF-only one when {@code soffice} is empty or does not run as LibreOffice.
   */
  public static Opened open(Optional<Path> soffice, UnaryOperator<OfficeSettings> adjust) {
    if (soffice.isEmpty()) {
      return new Opened(new PdfPageRenderer(), Optional.of(
          "LibreOffice not found (no soffice on the PATH; PARITY_SOFFICE names another); install it with: "
              + INSTALL_OFFICE));
    }
    try {
      return new Opened(new OfficePageRenderer(adjust.apply(OfficeSettings.defaults(soffice.get()))), Optional.empty());
    } catch (UnableToRenderException e) {
      return new Opened(new PdfPageRenderer(), Optional.of("LibreOffice does not run: " + e.getMessage()));
    }
  }
}
