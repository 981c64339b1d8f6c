package dev.parity.cli;

import dev.parity.documents.FileFormat;
import dev.parity.graders.blinding.BlindCheck;
import dev.parity.graders.blinding.Blinder;
import dev.parity.graders.blinding.Tell;
import dev.parity.graders.blinding.UnableToBlindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity blind-check FILE…}: what in each file could tell a grader who made it. */
@Command(
    name = "blind-check",
    mixinStandardHelpOptions = true,
    description = {
        "Lists what in files could tell a grader who made them.",
        "Finds identifying metadata (authors, company, application, timestamps, comment and",
        "tracked-change authors, image EXIF) and words in the text (\"As an AI language model\",",
        "model and provider names, chat-assistant phrases), each as FILE: WHERE: WHAT."
    },
    footer = {
        "",
        "Examples:",
        "  parity blind-check baseline/summary.docx model/summary.docx",
        "  parity blind-check --strip-to blinded/ deliverables/*",
        "  parity blind-check --json report.pdf > tells.json",
        "",
        "Exit codes: 0 nothing found, 1 something found or a file could not be checked, 2 usage error."
    })
final class BlindCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to check.")
  List<Path> files;

  @Option(names = "--strip-to", paramLabel = "DIR",
      description = "First write each file with its metadata stripped into DIR (same name), then check those copies.")
  Path stripTo;

  @Option(names = "--json", description = "Print the tells as a JSON list.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Tell> tells = new ArrayList<>();
    int failed = 0;
    for (Path file : files) {
      if (FileFormat.ofFileName(file.getFileName().toString()).isEmpty()) {
        err.println("error: " + file + ": not a format Parity checks (" + FileFormat.knownIds() + ")");
        failed++;
        continue;
      }
      try {
        tells.addAll(BlindCheck.check(stripTo == null ? file : stripped(file)));
      } catch (UnableToBlindException | UncheckedIOException e) {
        err.println("error: " + e.getMessage());
        failed++;
      }
    }
    if (json) {
      out.println(Json.write(tells.stream().map(BlindCheckCommand::asJson).toList()));
    } else {
      tells.forEach(out::println);
      long withTells = tells.stream().map(Tell::file).distinct().count();
      out.printf("%d %s in %d of %d files%s%n", tells.size(), tells.size() == 1 ? "tell" : "tells", withTells,
          files.size(), failed > 0 ? "; " + failed + " could not be checked" : "");
    }
    out.flush();
    err.flush();
    return tells.isEmpty() && failed == 0 ? 0 : 1;
  }

  private Path stripped(Path file) {
    FileFormat format = FileFormat.ofFileName(file.getFileName().toString()).orElseThrow();
    try {
      Files.createDirectories(stripTo);
      Path copy = stripTo.resolve(file.getFileName().toString());
      Files.write(copy, Blinder.strip(format, Files.readAllBytes(file)));
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> asJson(Tell tell) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", tell.file());
    json.put("kind", tell.kind().name().toLowerCase(java.util.Locale.ROOT));
    json.put("where", tell.where());
    json.put("what", tell.what());
    return json;
  }
}
