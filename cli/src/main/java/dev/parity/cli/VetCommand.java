package dev.parity.cli;

import dev.parity.documents.vetting.AllowList;
import dev.parity.documents.vetting.Finding;
import dev.parity.documents.vetting.InvalidAllowListException;
import dev.parity.documents.vetting.Severity;
import dev.parity.harness.ParityVersion;
import dev.parity.tasks.vetting.AcceptedFinding;
import dev.parity.tasks.vetting.VettingRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity vet SUITE}: personal data, secrets, confidentiality markers and identity left in a suite's files. */
@Command(
    name = "vet",
    mixinStandardHelpOptions = true,
    description = {
        "Finds personal data, secrets and confidential material in a suite's files.",
        "Reads every file of the suite (task.json, references, baselines) in every place: comments,",
        "tracked changes, hidden sheets, speaker notes, properties, PDF annotations, EXIF and more.",
        "Prints each finding with its file, place, kind, severity and a masked excerpt (see docs/vetting.md).",
        "--redact-to DIR writes a copy with every remaining finding replaced by a typed placeholder",
        "([EMAIL-1]), validates it and reads it again, and lists every change. --attest writes",
        "vetting.json (the digest of every file, the findings accepted and why) when nothing of high or",
        "medium severity remains; --attested-by NAME does the same and names who signs it off."
    },
    footer = {
        "",
        "Examples:",
        "  parity vet suites/sample",
        "  parity vet suites/sample --allow suites/sample/vetting-allow.json",
        "  parity vet my-suite --json > findings.json",
        "  parity vet my-suite --allow my-suite/vetting-allow.json --redact-to /tmp/my-suite-redacted",
        "  parity vet suites/sample --allow suites/sample/vetting-allow.json --attested-by \"Jane Vetter\"",
        "  parity vet --attest suites/sample --allow suites/sample/vetting-allow.json",
        "",
        "Exit codes: 0 nothing of high or medium severity remains after the allow-list,",
        "1 something does (or a file could not be read, or the redacted copy is not clean),",
        "2 usage error (no such suite, bad allow-list, a redaction folder that is not empty)."
    })
final class VetCommand implements Callable<Integer> {
  /** Place and file columns are cut to this width in the table, so that a line stays readable. */
  private static final int WIDEST_COLUMN = 60;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SUITE", description = "The suite folder (with suite.json).")
  Path suite;

  @Option(names = "--allow", paramLabel = "FILE",
      description = "An allow-list (JSON): values, kinds and file patterns accepted, each with a reason.")
  Path allow;

  @Option(names = "--json", description = "Print the findings as JSON (excerpts only, never the matched text).")
  boolean json;

  @Option(names = "--redact-to", paramLabel = "DIR",
      description = "Write a redacted copy of the suite to DIR (new or empty), validate it and read it again.")
  Path redactTo;

  // A flag without a value, and the name in an option of its own: an optional value would take the
  // word after it, so that 'vet --attest SUITE' read SUITE as the signer's name.
  @Option(names = "--attest", description = "When nothing of high or medium severity remains, write vetting.json.")
  boolean attest;

  @Option(names = "--attested-by", paramLabel = "NAME",
      description = "Who signs the vetting off, recorded in vetting.json (implies --attest).")
  String attestedBy;

  private final Clock clock;

  VetCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(suite.resolve("suite.json"))) {
      err.println("error: " + suite + ": not a suite (no suite.json)");
      err.flush();
      return 2;
    }
    if (attestedBy != null && attestedBy.isBlank()) {
      err.println("error: --attested-by needs a name; give --attest alone to write the record unsigned");
      err.flush();
      return 2;
    }
    AllowList allowList;
    try {
      allowList = allow == null ? AllowList.none() : AllowList.read(allow);
    } catch (InvalidAllowListException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
    SuiteVet result = SuiteVet.of(suite, allowList);
    if (json) {
      out.println(Json.write(asJson(result)));
    } else {
      table(result.remaining(), out);
      out.println(summary(result));
    }
    out.flush();
    int exit = result.fails() ? 1 : 0;
    // With --json, stdout stays one JSON document: what redaction and attestation say goes to stderr.
    PrintWriter notes = json ? err : out;
    if (redactTo != null) {
      SuiteRedaction redaction;
      try {
        redaction = SuiteRedaction.run(suite, redactTo, result.remaining());
      } catch (IllegalArgumentException e) {
        err.println("error: --redact-to " + e.getMessage());
        err.flush();
        return 2;
      }
      redaction.print(redactTo, notes);
      exit = redaction.clean() ? exit : 1;
    }
    if (attest || attestedBy != null) {
      attest(result, notes);
    }
    notes.flush();
    return exit;
  }

  /** Writes vetting.json when the suite passed; says why not otherwise. */
  private void attest(SuiteVet result, PrintWriter out) {
    if (result.fails()) {
      out.printf("Not attested: findings of high or medium severity remain; %s not written.%n",
          VettingRecord.FILE_NAME);
      return;
    }
    List<AcceptedFinding> accepted = new ArrayList<>();
    result.allowed().forEach(a -> accepted.add(accepted(a.finding(), a.entry().reason())));
    result.remaining().forEach(f -> accepted.add(accepted(f, "low severity: listed, not blocking")));
    VettingRecord record = VettingRecord.of(suite, "parity " + ParityVersion.current(), clock.instant(),
        attestedBy, accepted);
    record.write(suite);
    out.printf("Wrote %s: %d files%s, %d findings accepted.%n", suite.resolve(VettingRecord.FILE_NAME),
        record.files().size(), attestedBy == null ? "" : ", attested by " + attestedBy, accepted.size());
  }

  private static AcceptedFinding accepted(Finding f, String reason) {
    return new AcceptedFinding(f.file(), f.place(), f.kind(), f.excerpt(), reason);
  }

  private String summary(SuiteVet result) {
    long files = result.remaining().stream().map(Finding::file).distinct().count();
    int n = result.remaining().size();
    return String.format(Locale.ROOT, "%d %s (%d high, %d medium, %d low) in %d of %d files%s", n,
        n == 1 ? "finding remains" : "findings remain", result.count(Severity.HIGH), result.count(Severity.MEDIUM),
        result.count(Severity.LOW), files, result.files(),
        allow == null ? "" : "; " + result.allowed().size() + " allowed by " + allow);
  }

  private static void table(List<Finding> findings, PrintWriter out) {
    if (findings.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FILE", "PLACE", "KIND", "SEVERITY", "EXCERPT"});
    for (Finding f : findings) {
      rows.add(new String[] {cut(f.file()), cut(f.place()), f.kind(), f.severity().name().toLowerCase(Locale.ROOT),
          f.excerpt().replaceAll("\\s+", " ")});
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
      }
      out.println(line.append(row[4]).toString().stripTrailing());
    }
  }

  private static String cut(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= WIDEST_COLUMN ? line : line.substring(0, WIDEST_COLUMN - 1) + "…";
  }

  private Map<String, Object> asJson(SuiteVet result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suite", suite.toString());
    json.put("files_checked", result.files());
    json.put("passed", !result.fails());
    json.put("findings", result.remaining().stream().map(VetCommand::finding).toList());
    json.put("allowed", result.allowed().stream().map(a -> {
      Map<String, Object> entry = finding(a.finding());
      entry.put("allowed_by", a.entry().number());
      entry.put("reason", a.entry().reason());
      return entry;
    }).toList());
    return json;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", f.file());
    json.put("place", f.place());
    json.put("category", f.category().name().toLowerCase(Locale.ROOT));
    json.put("kind", f.kind());
    json.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
    json.put("excerpt", f.excerpt());
    return json;
  }
}
