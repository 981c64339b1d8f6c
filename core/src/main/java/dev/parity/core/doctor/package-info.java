/**
 * What {@code parity doctor} checks: one {@link dev.parity.core.doctor.Check} per optional part
 * (office converter, browser, sandbox, toolset), each saying what it found and how to install
 * what is missing; and {@link dev.parity.core.doctor.Programs}, for finding and asking programs.
 */
package dev.parity.core.doctor;
