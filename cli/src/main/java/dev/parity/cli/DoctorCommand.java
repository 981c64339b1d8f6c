package dev.parity.cli;

import dev.parity.core.doctor.Check;
import dev.parity.core.doctor.CheckResult;
import dev.parity.documents.OfficeCheck;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.SandboxChecks;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code parity doctor}: checks every optional part this machine may offer and says how to install what's missing. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
        "Checks the parts Parity uses when they are there: Java, the office converter (LibreOffice, "
            + "with a real test conversion), the browser the web tests drive, and for agent runs the "
            + "sandbox (a test command in bubblewrap) and its toolset. Says what it found, and how to "
            + "install what is missing.",
        "Java is required; the rest only when named with --require (e.g. in CI or on a grading server)."
    },
    footer = {
        "",
        "Examples:",
        "  parity doctor",
        "  parity doctor --require office --json",
        "  parity doctor --require sandbox,toolset",
        "",
        "Exit codes: 0 every required part works, 1 a required part is missing or broken, 2 usage error."
    })
final class DoctorCommand implements Callable<Integer> {
  /** What is always required: Parity does not run without it. */
  static final Set<String> ALWAYS_REQUIRED = Set.of("java");

  @Spec CommandSpec spec;

  @Option(names = "--require", split = ",", paramLabel = "NAME",
      description = "Parts that must work too, by name (office, browser, …), or 'all'.")
  List<String> require = new ArrayList<>();

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  private final Supplier<List<Check>> checks;

  DoctorCommand() {
    this(DoctorCommand::checks);
  }

  DoctorCommand(Supplier<List<Check>> checks) {
    this.checks = checks;
  }

  /**
   * Every check {@code parity doctor} runs, in the order shown. A module that needs an outside
   * program (a sandbox, a toolset) adds its {@link Check} here.
   */
  static List<Check> checks() {
    List<Check> all = new java.util.ArrayList<>(List.of(new JavaCheck(), new OfficeCheck(), new BrowserCheck()));
    // Agent runs: the sandbox that isolates tool calls, and the toolset it offers (docs/agents.md).
    all.addAll(SandboxChecks.of(LocalSandboxBackend.bubblewrap(LocalSandboxBackend.defaultRoot())));
    return List.copyOf(all);
  }

  @Override
  public Integer call() {
    List<Check> all = checks.get();
    Set<String> required = required(all);
    Map<Check, CheckResult> results = new LinkedHashMap<>();
    for (Check check : all) {
      results.put(check, check.run());
    }
    boolean ok = results.entrySet().stream()
        .allMatch(entry -> entry.getValue().ok() || !required.contains(entry.getKey().name()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(report(results, required, ok)));
    } else {
      print(out, results, required, ok);
    }
    out.flush();
    return ok ? 0 : 1;
  }

  private Set<String> required(List<Check> all) {
    Set<String> names = new LinkedHashSet<>(ALWAYS_REQUIRED);
    List<String> known = all.stream().map(Check::name).toList();
    for (String name : require) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      if (wanted.equals("all")) {
        names.addAll(known);
      } else if (known.contains(wanted)) {
        names.add(wanted);
      } else {
        throw new ParameterException(spec.commandLine(),
            "--require: no check called \"" + name + "\"; known: " + String.join(", ", known) + ", all");
      }
    }
    return names;
  }

  private static void print(PrintWriter out, Map<Check, CheckResult> results, Set<String> required, boolean ok) {
    for (Map.Entry<Check, CheckResult> entry : results.entrySet()) {
      Check check = entry.getKey();
      CheckResult result = entry.getValue();
      out.printf("%-8s %-8s %s%n", result.status().name().toLowerCase(Locale.ROOT), check.name(), check.purpose()
          + (required.contains(check.name()) ? " [required]" : ""));
      out.printf("%-17s %s%n", "", result.detail());
      if (!result.fix().isEmpty()) {
        out.printf("%-17s fix: %s%n", "", result.fix());
      }
    }
    long missing = results.values().stream().filter(result -> !result.ok()).count();
    out.println(ok
        ? "Every required part works" + (missing == 0 ? ", and every optional one." : "; " + missing + " optional part(s) missing or broken.")
        : "A required part is missing or broken: see fix above.");
  }

  private static Map<String, Object> report(Map<Check, CheckResult> results, Set<String> required, boolean ok) {
    List<Map<String, Object>> checks = new ArrayList<>();
    results.forEach((check, result) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", check.name());
      row.put("purpose", check.purpose());
      row.put("required", required.contains(check.name()));
      row.put("status", result.status().name().toLowerCase(Locale.ROOT));
      row.put("detail", result.detail());
      row.put("fix", result.fix());
      checks.add(row);
    });
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("format_version", 1);
    report.put("ok", ok);
    report.put("checks", checks);
    return report;
  }
}
