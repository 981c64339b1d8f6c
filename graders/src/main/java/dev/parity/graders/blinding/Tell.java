package dev.parity.graders.blinding;

import java.util.Objects;

/**
 * One thing in a file that could tell a grader who or what made it.
 *
 * @param file the file's name as given to the check
 * @param kind metadata left in the file, active content in it, or words in its text
 * @param where the place: a part and field ({@code docProps/core.xml dc:creator}), a cell
 *     ({@code Sheet1!B2}), a page, slide, paragraph or line
 * @param what what was found there, e.g. {@code Jane Doe} or {@code "As an AI language model" (AI self-reference)}
 */
public record Tell(String file, Kind kind, String where, String what) {
  public Tell {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(what, "what");
  }

  /** The kinds of tell. */
  public enum Kind {
    /** Identifying metadata: authors, company, application, timestamps, paths. Stripping removes it. */
    METADATA,
    /**
     * Content that could run or call out when the file is opened: scripts, actions, macros,
     * external links and fields. Stripping removes or neutralises it.
     */
    ACTIVE_CONTENT,
    /** Words in the content a grader could notice, such as an AI self-reference. Stripping leaves these. */
    TEXT
  }

  /** {@code FILE: WHERE: WHAT}. */
  @Override
  public String toString() {
    return file + ": " + where + ": " + what;
  }
}
