package dev.parity.graders.grading;

import java.util.concurrent.atomic.AtomicInteger;

/** What a grading pass did so far, counted by its pieces of work as they end. Thread-safe. */
final class Tally {
  final AtomicInteger judgmentsMade = new AtomicInteger();
  final AtomicInteger judgmentsKept = new AtomicInteger();
  final AtomicInteger judgeFailures = new AtomicInteger();
  final AtomicInteger scoresByCheck = new AtomicInteger();
  final AtomicInteger scoresByJudge = new AtomicInteger();
  final AtomicInteger scoresKept = new AtomicInteger();
  final AtomicInteger withoutGrader = new AtomicInteger();
}
