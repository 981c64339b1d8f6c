package dev.parity.harness.replay;

import dev.parity.harness.client.ModelAnswer.AnswerFile;
import java.util.List;

/**
 * One recorded answer.
 *
 * @param text the answer's text
 * @param files its files
 * @param source where it was read from, for the transcript: a folder, or a file and line
 */
record Recorded(String text, List<AnswerFile> files, String source) {
  Recorded {
    files = List.copyOf(files);
  }
}
