package dev.parity.graders.judge;

/** What a rubric judge said of one criterion, with the share of its points it earns. */
public enum RubricVerdict {
  MET(1.0),
  PARTLY(0.5),
  NOT_MET(0.0);

  private final double share;

  RubricVerdict(double share) {
    this.share = share;
  }

  /** The share of the criterion's points: 1, ½ or 0. */
  public double share() {
    return share;
  }
}
