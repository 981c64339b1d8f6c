package dev.parity.graders.judge;

/** What a pairwise judge said: A is better, B is better, or they are as good as each other. */
public enum PairwiseVerdict {
  A,
  B,
  TIE
}
