package dev.parity.cli;

import dev.parity.documents.Documents;
import dev.parity.documents.PageOptions;
import dev.parity.documents.Rendering;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parity render FILE --out page.html}: a file as the safe HTML a grader sees; with {@code
 * --pages DIR}, as page images (PNG), as graders and judges see the pages.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
        "Renders a file as graders see it: safe HTML, one look whatever made it.",
        "Takes md, txt, csv, json, docx, xlsx, pptx, pdf, png and jpg. The HTML has no scripts and",
        "loads nothing from outside. A PDF renders as its text per page; open the original PDF",
        "beside it in the browser's own viewer.",
        "With --pages DIR, writes the file's pages as page-001.png, page-002.png, … instead:",
        "docx, xlsx and pptx through LibreOffice (see 'parity doctor'), pdf, png and jpg directly;",
        "the file is stripped of metadata and active content before it is converted."
    },
    footer = {
        "",
        "Examples:",
        "  parity render deliverable.docx --out page.html",
        "  parity render figures.xlsx --title \"Deliverable B\" --out b.html",
        "  parity render notes.md --fragment > part.html",
        "  parity render deck.pptx --pages pages/ --max-pages 5 --long-edge 1600",
        "",
        "Exit codes: 0 rendered, 1 the file cannot be read, shown or drawn as pages, 2 usage error."
    })
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to render; its format comes from its extension.")
  Path file;

  @Option(names = "--out", paramLabel = "PAGE", description = "Where to write the HTML (default: standard output).")
  Path out;

  @Option(names = "--title", paramLabel = "TEXT", description = "The page title (default: Deliverable; the file name is not shown, to keep it blind).")
  String title = "Deliverable";

  @Option(names = "--fragment", description = "Write the HTML fragment only, without page, notes and stylesheet.")
  boolean fragment;

  @Option(names = "--pages", paramLabel = "DIR", description = "Write page images (page-001.png, …) into DIR instead of HTML.")
  Path pages;

  @Option(names = "--max-pages", paramLabel = "N", description = "With --pages: the most pages drawn, from the first (default: ${DEFAULT-VALUE}).")
  int maxPages = PageOptions.DEFAULT.maxPages();

  @Option(names = "--long-edge", paramLabel = "PX", description = "With --pages: each image's longer side in pixels (default: ${DEFAULT-VALUE}).")
  int longEdge = PageOptions.DEFAULT.longEdge();

  @Override
  public Integer call() {
    if (pages != null) {
      if (out != null || fragment) {
        throw new ParameterException(spec.commandLine(), "--pages writes images: it goes without --out and --fragment");
      }
      PageOptions options;
      try {
        options = new PageOptions(maxPages, longEdge);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      return new PageWriter(spec.commandLine().getOut(), spec.commandLine().getErr()).write(file, pages, options);
    }
    Rendering rendering = Documents.render(file);
    String html = fragment ? rendering.fragment() : rendering.page(title);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (out == null) {
      stdout.print(html);
    } else {
      try {
        Files.writeString(out, html, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      stdout.printf("%s: wrote %s (%,d bytes)%n", file, out, html.getBytes(StandardCharsets.UTF_8).length);
    }
    PrintWriter notes = out == null ? stderr : stdout;
    rendering.notes().forEach(note -> notes.println("  note: " + note));
    stdout.flush();
    stderr.flush();
    return rendering.readable() ? 0 : 1;
  }
}
