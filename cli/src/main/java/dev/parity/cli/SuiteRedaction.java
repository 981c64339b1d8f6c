package dev.parity.cli;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.RedactionChange;
import dev.parity.documents.Surface;
import dev.parity.documents.vetting.Finding;
import dev.parity.documents.vetting.Redactor;
import dev.parity.documents.vetting.Vetter;
import dev.parity.tasks.Problem;
import dev.parity.tasks.vetting.SuiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code parity vet SUITE --redact-to DIR}: the redacted copy of a suite, then the copy checked
 * twice: validated as a suite, and read again, with the detectors and as plain text in every place
 * its formats have, for any value the findings matched.
 *
 * @param changes every change made, file by file
 * @param problems what {@code parity validate} finds wrong with the copy
 * @param left where a matched value is still found in the copy: {@code FILE: PLACE (KIND)}, never the value
 */
record SuiteRedaction(List<Redactor.Change> changes, List<Problem> problems, List<String> left) {
  static SuiteRedaction run(Path suite, Path to, List<Finding> findings) {
    List<Redactor.Change> changes = Redactor.redact(suite, to, findings);
    List<Problem> problems = Suites.loader().validate(to).problems();
    Map<String, String> kinds = findings.stream().filter(f -> !f.match().isBlank())
        .collect(Collectors.toMap(f -> normal(f.match()), Finding::kind, (a, b) -> a));
    List<String> left = new ArrayList<>();
    for (String name : SuiteFiles.digests(to).keySet()) {
      Path file = to.resolve(name);
      for (Finding again : Vetter.vet(file, name)) {
        if (kinds.containsKey(normal(again.match()))) {
          left.add(name + ": " + again.place() + " (" + again.kind() + ", " + again.excerpt() + ")");
        }
      }
      FileFormat format = FileFormat.ofFileName(name).orElse(null);
      if (format != null) {
        for (Surface surface : surfaces(format, file)) {
          String text = normal(surface.text());
          kinds.forEach((value, kind) -> {
            if (text.contains(value)) {
              left.add(name + ": " + surface.where() + " (" + kind + ", as text)");
            }
          });
        }
      }
    }
    return new SuiteRedaction(changes, problems, left.stream().distinct().toList());
  }

  /** Whether the copy validates and no matched value was found in it again. */
  boolean clean() {
    return problems.isEmpty() && left.isEmpty();
  }

  void print(Path to, PrintWriter out) {
    Set<String> files = changes.stream().map(Redactor.Change::file).collect(Collectors.toSet());
    out.printf("Redacted copy in %s: %d changes in %d files.%n", to, changes.size(), files.size());
    for (Redactor.Change c : changes) {
      RedactionChange change = c.change();
      out.printf("  %s  %s  %s%s%s%n", c.file(), change.place(),
          change.placeholder().isEmpty() ? "" : change.placeholder() + " ",
          change.kind().isEmpty() ? "" : "(" + change.kind() + ")",
          change.note().isEmpty() ? "" : " " + change.note());
    }
    if (problems.isEmpty()) {
      out.println("The copy validates as a suite.");
    } else {
      out.printf("The copy does not validate (%d problems):%n", problems.size());
      problems.forEach(p -> out.println("  " + p));
    }
    if (left.isEmpty()) {
      out.println("Read again: no matched value is left in the copy.");
    } else {
      out.printf("Read again: %d matched values are still in the copy; do not use it:%n", left.size());
      left.forEach(l -> out.println("  " + l));
    }
  }

  private static List<Surface> surfaces(FileFormat format, Path file) {
    try {
      return Documents.surfaces(format, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the redacted " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      return List.of(); // a file the redactor wrote but a reader refuses: the validation reports it
    }
  }

  private static String normal(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
