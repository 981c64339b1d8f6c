package dev.parity.cli;

import dev.parity.core.doctor.Check;
import dev.parity.core.doctor.CheckResult;
import dev.parity.core.doctor.Programs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code parity doctor}'s check of the browser that the grading app's web tests drive: chromium and chromedriver. */
final class BrowserCheck implements Check {
  static final String INSTALL = "apt-get install chromium chromium-driver";
  private static final Duration ASK = Duration.ofSeconds(30);

  @Override
  public String name() {
    return "browser";
  }

  @Override
  public String purpose() {
    return "browser for the web tests (developers): chromium and chromedriver";
  }

  @Override
  public CheckResult run() {
    Optional<Path> chromium = Programs.onPath("chromium").or(() -> Programs.onPath("chromium-browser"));
    Optional<Path> driver = Programs.onPath("chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      return CheckResult.missing((chromium.isEmpty() ? "chromium" : "chromedriver") + " not found on the PATH", INSTALL);
    }
    // Debian's chromium wrapper script may print warnings before the version line.
    Optional<String> browserVersion = Programs.lines(List.of(chromium.get().toString(), "--version"), ASK)
        .flatMap(lines -> lines.stream().filter(line -> line.startsWith("Chromium")).findFirst());
    Optional<String> driverVersion = Programs.firstLine(List.of(driver.get().toString(), "--version"), ASK);
    if (browserVersion.isEmpty() || driverVersion.isEmpty()) {
      return CheckResult.broken((browserVersion.isEmpty() ? chromium.get() : driver.get()) + " --version fails", "reinstall: " + INSTALL);
    }
    return CheckResult.ok(browserVersion.get() + "; " + driverVersion.get());
  }
}
