package dev.parity.reports.report;

import dev.parity.harness.store.Contestant;

/**
 * How the win rates and the speed and cost name a contestant: a model by its name, and every
 * professional ({@code human:<id>}) as one player, {@value #PROFESSIONALS}, so that the human
 * ceiling (how often a second professional's work is judged as good as the baseline) stands beside
 * the models. The ratings and the pairwise table keep each professional apart.
 */
final class Players {
  /** The player of every professional's attempts. */
  static final String PROFESSIONALS = "professionals";

  private Players() {}

  static String of(String contestant) {
    return Contestant.parse(contestant).isModel() ? contestant : PROFESSIONALS;
  }
}
