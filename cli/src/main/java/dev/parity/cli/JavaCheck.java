package dev.parity.cli;

import dev.parity.core.doctor.Check;
import dev.parity.core.doctor.CheckResult;

/** {@code parity doctor}'s check of the Java running Parity: 17 or newer. */
final class JavaCheck implements Check {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public String purpose() {
    return "Java 17 or newer, to run Parity";
  }

  @Override
  public CheckResult run() {
    Runtime.Version version = Runtime.version();
    String detail = "Java " + version + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
    return version.feature() >= 17
        ? CheckResult.ok(detail)
        : CheckResult.broken(detail + " is too old", "install Java 17 or newer: apt-get install openjdk-17-jre-headless");
  }
}
