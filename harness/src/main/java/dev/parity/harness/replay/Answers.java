package dev.parity.harness.replay;

import java.util.Optional;

/** Where recorded answers are looked up. */
interface Answers {
  /** The answer recorded for {@code sample} of {@code taskId}, or for any sample of it. */
  Optional<Recorded> find(String taskId, int sample);

  /** Where {@link #find} looked, for the message when it found nothing. */
  String lookedFor(String taskId, int sample);
}
