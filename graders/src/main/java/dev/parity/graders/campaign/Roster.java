package dev.parity.graders.campaign;

import dev.parity.store.Handle;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people of a people file in the store: what conflicts with the people there already, and
 * saving them. Used inside the transaction that creates a grading or baseline campaign.
 */
public final class Roster {
  private Roster() {}

  /** Every person of {@code people} whose e-mail belongs to someone else in the store, in words. */
  public static List<String> conflicts(Handle connection, List<Grader> people) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (Grader person : people) {
      Optional<String> owner = connection.first("SELECT id FROM grading_graders WHERE email = ? AND id <> ?",
          r -> r.text(1), person.email(), person.id());
      owner.ifPresent(id -> problems.add("person " + person.id() + ": e-mail " + person.email()
          + " belongs to " + id + " already"));
    }
    return problems;
  }

  /**
   * Adds {@code people} to the store or updates them: someone there already keeps their password
   * and first-seen time; names, e-mails, occupations, roles and wages are updated.
   */
  public static void save(Handle connection, List<Grader> people, Instant now) throws SQLException {
    String upsert = connection.dialect().upsert("grading_graders", List.of("id"),
        List.of("id", "display_name", "email", "occupations", "role", "hourly_wage_usd", "created_at"),
        List.of("display_name", "email", "occupations", "role", "hourly_wage_usd"));
    for (Grader person : people) {
      connection.update(upsert, person.id(), person.displayName(), person.email(),
          String.join("; ", person.occupations()), Role.join(person.roles()), person.hourlyWageUsd(), now.toString());
    }
  }
}
