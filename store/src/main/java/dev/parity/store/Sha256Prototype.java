package dev.parity.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fresh SHA-256 digests cloned from one made at first use: {@link MessageDigest#getInstance} looks
 * its provider up and makes the digest by reflection on every call, which a run paid several times
 * an attempt (benchmarks/README.md, "The attempt path, sixth pass"). Thread-safe: the prototype is
 * never updated, only cloned.
 */
final class Sha256Prototype {
  private static final MessageDigest PROTOTYPE = lookUp();

  private Sha256Prototype() {}

  /** A new SHA-256 digest, in its initial state. */
  static MessageDigest fresh() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      // A provider whose digest cannot be cloned: look it up each time, as before.
      return lookUp();
    }
  }

  private static MessageDigest lookUp() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
