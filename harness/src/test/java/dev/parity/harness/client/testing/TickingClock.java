package dev.parity.harness.client.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step each time it is read, so that timings are exact. */
public final class TickingClock extends Clock {
  private final Instant start;
  private final Duration step;
  private final AtomicLong reads = new AtomicLong();

  public TickingClock(Instant start, Duration step) {
    this.start = start;
    this.step = step;
  }

  @Override
  public Instant instant() {
    return start.plus(step.multipliedBy(reads.getAndIncrement()));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
