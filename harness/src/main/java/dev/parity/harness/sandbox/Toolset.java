package dev.parity.harness.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programs a sandbox offers to a model's code, with versions: the Python interpreter and its
 * document libraries, as a program in the sandbox sees them. Results depend on it, so a run records
 * it with its settings and a resume refuses another one.
 *
 * @param python the interpreter's version ({@code 3.11.2}); null when there is no {@code /usr/bin/python3}
 * @param libraries each document library by its distribution name ({@code python-docx}) with its
 *     version, or null when it is not installed; in the order of {@link #LIBRARIES}
 */
public record Toolset(String python, Map<String, String> libraries) {
  /** The libraries looked for: distribution name, module name, Debian package. */
  static final List<List<String>> LIBRARIES = List.of(
      List.of("python-docx", "docx", "python3-docx"),
      List.of("openpyxl", "openpyxl", "python3-openpyxl"),
      List.of("reportlab", "reportlab", "python3-reportlab"),
      List.of("matplotlib", "matplotlib", "python3-matplotlib"),
      List.of("pandas", "pandas", "python3-pandas"),
      List.of("python-pptx", "pptx", "(not in Debian; PyPI)"));
  private static final ObjectMapper JSON = new ObjectMapper();

  public Toolset {
    libraries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
  }

  /**
   * What {@code sandbox} offers, asked from inside it (reading the installed packages' metadata,
   * without importing them).
   *
   * @throws UnableToSandboxException when the sandbox cannot run the probe
   * @throws InterruptedException when interrupted
   */
  public static Toolset probe(Sandbox sandbox) throws InterruptedException {
    StringBuilder pairs = new StringBuilder();
    for (List<String> library : LIBRARIES) {
      pairs.append("('").append(library.get(0)).append("', '").append(library.get(1)).append("'),");
    }
    String script = "import json, sys, importlib.util\n"
        + "from importlib import metadata\n"
        + "found = {}\n"
        + "for dist, module in [" + pairs + "]:\n"
        + "    try:\n"
        + "        found[dist] = metadata.version(dist)\n"
        + "    except Exception:\n"
        + "        found[dist] = 'unknown' if importlib.util.find_spec(module) else None\n"
        + "print(json.dumps({'python': sys.version.split()[0], 'libraries': found}))\n";
    Execution execution = sandbox.exec(List.of("/usr/bin/python3", "-"), script);
    if (execution.exitCode() != 0) {
      Map<String, String> none = new LinkedHashMap<>();
      LIBRARIES.forEach(library -> none.put(library.get(0), null));
      return new Toolset(null, none);
    }
    try {
      JsonNode found = JSON.readTree(execution.stdout());
      Map<String, String> libraries = new LinkedHashMap<>();
      for (List<String> library : LIBRARIES) {
        JsonNode version = found.path("libraries").path(library.get(0));
        libraries.put(library.get(0), version.isTextual() ? version.asText() : null);
      }
      return new Toolset(found.path("python").asText(null), libraries);
    } catch (JsonProcessingException e) {
      throw new UnableToSandboxException("the toolset probe printed something that is not JSON: "
          + execution.stdout(), e);
    }
  }

  /** The libraries not installed. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    libraries.forEach((name, version) -> {
      if (version == null) {
        missing.add(name);
      }
    });
    return missing;
  }

  /** How to install what is missing, e.g. {@code apt-get install python3-reportlab}; empty when nothing is. */
  public String installHint() {
    List<String> packages = new ArrayList<>();
    if (python == null) {
      packages.add("python3");
    }
    for (List<String> library : LIBRARIES) {
      if (libraries.get(library.get(0)) == null && library.get(2).startsWith("python3")) {
        packages.add(library.get(2));
      }
    }
    return packages.isEmpty() ? "" : "apt-get install " + String.join(" ", packages);
  }

  /** One line: {@code python 3.11.2; python-docx 0.8.11, openpyxl 3.0.9; missing: pandas}. */
  @Override
  public String toString() {
    List<String> present = new ArrayList<>();
    libraries.forEach((name, version) -> {
      if (version != null) {
        present.add(name + " " + version);
      }
    });
    return (python == null ? "no /usr/bin/python3" : "python " + python) + "; "
        + (present.isEmpty() ? "no document library" : String.join(", ", present))
        + (missing().isEmpty() ? "" : "; missing: " + String.join(", ", missing()));
  }

}
