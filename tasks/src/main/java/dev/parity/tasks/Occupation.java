package dev.parity.tasks;

import java.util.Objects;

/**
 * An occupation as O*NET names it.
 *
 * @param title the O*NET title, e.g. {@code Accountants and Auditors}
 * @param soc the O*NET-SOC code, e.g. {@code 13-2011.00}
 */
public record Occupation(String title, String soc) {
  public Occupation {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(soc, "soc");
  }
}
