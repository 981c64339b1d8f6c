package dev.parity.cli;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.PageImage;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderers;
import dev.parity.documents.Pages;
import dev.parity.documents.UnableToRenderException;
import dev.parity.documents.UnableToStripMetadataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code parity render FILE --pages DIR}: the file stripped, drawn as pages, written as PNG files. */
final class PageWriter {
  private final PrintWriter out;
  private final PrintWriter err;

  PageWriter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Writes the pages of {@code file} into {@code folder}; the exit code: 0 written, 1 not. */
  int write(Path file, Path folder, PageOptions options) {
    Optional<FileFormat> format = FileFormat.ofFileName(file.getFileName().toString());
    if (format.isEmpty()) {
      return fail(file + ": its format is not one of " + FileFormat.knownIds());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return fail("cannot read " + file + ": " + e.getMessage());
    }
    try (PageRenderers.Opened opened = PageRenderers.open()) {
      if (!opened.renderer().handles(format.get())) {
        return fail(file + ": " + format.get().id() + " files are not drawn as pages"
            + opened.officeMissing().map(why -> " here: " + why).orElse("; their HTML view (parity render FILE --out page.html) shows all there is"));
      }
      // Only stripped bytes reach the converter: nothing in them points outside the file.
      Pages pages = opened.renderer().render(format.get(), Documents.strip(format.get(), bytes), options);
      Files.createDirectories(folder);
      for (PageImage page : pages.images()) {
        Files.write(folder.resolve(String.format("page-%03d.png", page.number())), page.png());
      }
      out.printf("%s: wrote %d of %d pages to %s (%s)%n", file, pages.images().size(), pages.pageCount(), folder, pages.renderer());
      if (pages.truncated()) {
        out.printf("  note: the document is cut at %d pages; --max-pages draws more%n", options.maxPages());
      }
      out.flush();
      return 0;
    } catch (UnableToStripMetadataException e) {
      return fail(file + ": does not open as " + format.get().id() + " (" + e.getMessage() + ")");
    } catch (UnableToRenderException e) {
      return fail(file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pages into " + folder + ": " + e.getMessage(), e);
    }
  }

  private int fail(String message) {
    err.println("error: " + message);
    err.flush();
    return 1;
  }
}
