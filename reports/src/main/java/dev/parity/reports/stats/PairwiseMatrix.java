package dev.parity.reports.stats;

/**
 * Wins between every two players, ties counted as half a win to each side: the sufficient
 * statistics of a Bradley–Terry fit. Entry (i, j) is what i won against j.
 */
final class PairwiseMatrix {
  final int players;
  /** won[i * players + j]: wins of i over j, plus half their ties. */
  final double[] won;

  PairwiseMatrix(int players) {
    this.players = players;
    this.won = new double[players * players];
  }

  void add(int i, int j, double winsOfI, double winsOfJ) {
    won[i * players + j] += winsOfI;
    won[j * players + i] += winsOfJ;
  }

  double won(int i, int j) {
    return won[i * players + j];
  }

  /** How many times i and j met. */
  double met(int i, int j) {
    return won[i * players + j] + won[j * players + i];
  }
}
