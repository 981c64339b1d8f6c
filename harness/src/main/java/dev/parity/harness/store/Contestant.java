package dev.parity.harness.store;

import java.util.Objects;

/**
 * Whoever made a deliverable that is judged: a model, by its name in the run, or a professional
 * working on a timed task, printed {@code human:<id>}. Parse and print with {@link #parse} and
 * {@link #toString}: {@code parse(c.toString())} equals {@code c}.
 */
public sealed interface Contestant permits Contestant.Model, Contestant.Human {
  /** The prefix that marks a human contestant in files and the store. */
  String HUMAN_PREFIX = "human:";

  /** A model, by its name in the run's models file. */
  record Model(String name) implements Contestant {
    public Model {
      requireText(name, "a model's name");
      if (name.startsWith(HUMAN_PREFIX)) {
        throw new IllegalArgumentException("a model's name cannot start with \"" + HUMAN_PREFIX + "\": " + name);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A human professional, by a pseudonymous id. */
  record Human(String id) implements Contestant {
    public Human {
      requireText(id, "a human contestant's id");
    }

    @Override
    public String toString() {
      return HUMAN_PREFIX + id;
    }
  }

  /** A model by name. */
  static Contestant model(String name) {
    return new Model(name);
  }

  /** A human professional by id. */
  static Contestant human(String id) {
    return new Human(id);
  }

  /**
   * Reads {@code human:<id>} as a human and anything else as a model's name.
   *
   * @throws IllegalArgumentException for blank text or {@code human:} without an id
   */
  static Contestant parse(String text) {
    requireText(text, "a contestant");
    String stripped = text.strip();
    return stripped.startsWith(HUMAN_PREFIX) ? new Human(stripped.substring(HUMAN_PREFIX.length()))
        : new Model(stripped);
  }

  /** Whether this is a model (rather than a human professional). */
  default boolean isModel() {
    return this instanceof Model;
  }

  private static void requireText(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
