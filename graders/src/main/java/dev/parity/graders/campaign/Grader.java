package dev.parity.graders.campaign;

import dev.parity.tasks.Occupation;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A person in the people file (graders.csv, people.csv): a grader, an administrator, a
 * professional who works on tasks, or several of these.
 *
 * @param id a pseudonymous id, e.g. {@code expert-07}: it is what exported judgments name, and a
 *     professional's attempts are made by contestant {@code human:<id>}
 * @param displayName how the app greets them
 * @param email where invites go; also a sign-in name
 * @param occupations the occupations they may grade or work in, by O*NET title or SOC code
 * @param roles what they may do, at least one
 * @param hourlyWageUsd a professional's hourly wage in US dollars (what their minutes cost); null
 *     when not given
 */
public record Grader(String id, String displayName, String email, List<String> occupations, Set<Role> roles,
    Double hourlyWageUsd) {
  public Grader {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    occupations = List.copyOf(occupations);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a person needs a role: " + id);
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A person with one role and no wage. */
  public Grader(String id, String displayName, String email, List<String> occupations, Role role) {
    this(id, displayName, email, occupations, EnumSet.of(role), null);
  }

  /**
   * Whether this person may grade tasks of {@code occupation}: a grader or admin whose occupations
   * list its title or SOC code, in any case.
   */
  public boolean grades(Occupation occupation) {
    return (roles.contains(Role.GRADER) || roles.contains(Role.ADMIN)) && inOccupation(occupation);
  }

  /** Whether this person may work on tasks of {@code occupation} as a professional. */
  public boolean works(Occupation occupation) {
    return isProfessional() && inOccupation(occupation);
  }

  /** Whether this person may open the admin pages. */
  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** Whether this person works on tasks as a professional. */
  public boolean isProfessional() {
    return roles.contains(Role.PROFESSIONAL);
  }

  private boolean inOccupation(Occupation occupation) {
    return occupations.stream().map(o -> o.strip().toLowerCase(Locale.ROOT))
        .anyMatch(o -> o.equals(occupation.title().toLowerCase(Locale.ROOT)) || o.equals(occupation.soc()));
  }
}
