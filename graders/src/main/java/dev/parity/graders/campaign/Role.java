package dev.parity.graders.campaign;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person may do in the app: grade their assignments, administer, or work on tasks as a
 * professional (a human contestant). A person may hold several.
 */
public enum Role {
  GRADER,
  ADMIN,
  PROFESSIONAL;

  /** The lower-case name used in the people file and the store. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code grader}, {@code admin} or {@code professional}, in any case. */
  public static Optional<Role> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "grader" -> Optional.of(GRADER);
      case "admin" -> Optional.of(ADMIN);
      case "professional" -> Optional.of(PROFESSIONAL);
      default -> Optional.empty();
    };
  }

  /**
   * Reads roles separated by {@code ;} as the people file and the store hold them; empty text is
   * {@link #GRADER}. Empty when a role is unknown.
   */
  public static Optional<Set<Role>> parseAll(String text) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      Optional<Role> role = parse(part);
      if (role.isEmpty()) {
        return Optional.empty();
      }
      roles.add(role.get());
    }
    return Optional.of(roles.isEmpty() ? EnumSet.of(GRADER) : roles);
  }

  /** The roles as {@link #parseAll} reads them, e.g. {@code grader; professional}. */
  public static String join(Set<Role> roles) {
    return Arrays.stream(values()).filter(roles::contains).map(Role::id).collect(Collectors.joining("; "));
  }
}
