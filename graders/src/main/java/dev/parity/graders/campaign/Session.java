package dev.parity.graders.campaign;

import java.util.Objects;

/**
 * A signed-in grader.
 *
 * @param token the secret the session cookie carries; only its hash is stored
 * @param csrfToken the token every state-changing request of this session must carry
 * @param grader who is signed in
 */
public record Session(String token, String csrfToken, Grader grader) {
  public Session {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(grader, "grader");
  }

  @Override
  public String toString() {
    return "Session[" + grader.id() + "]";
  }
}
