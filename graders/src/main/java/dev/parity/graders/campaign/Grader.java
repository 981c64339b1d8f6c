package dev.parity.graders.campaign;

import dev.parity.tasks.Occupation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A person on the grading roster (graders.csv).
 *
 * @param id a pseudonymous id, e.g. {@code expert-07}: it is what exported judgments name
 * @param displayName how the app greets them
 * @param email where invites go; also a sign-in name
 * @param occupations the occupations they may grade, by O*NET title or SOC code
 * @param role grader or admin
 */
public record Grader(String id, String displayName, String email, List<String> occupations, Role role) {
  public Grader {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    occupations = List.copyOf(occupations);
    Objects.requireNonNull(role, "role");
  }

  /** Whether this grader may grade tasks of {@code occupation}: its title or SOC code is listed, in any case. */
  public boolean grades(Occupation occupation) {
    return occupations.stream().map(o -> o.strip().toLowerCase(Locale.ROOT))
        .anyMatch(o -> o.equals(occupation.title().toLowerCase(Locale.ROOT)) || o.equals(occupation.soc()));
  }

  /** Whether this person may open the admin pages. */
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
