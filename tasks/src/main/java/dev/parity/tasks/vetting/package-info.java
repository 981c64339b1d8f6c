/** The vetting record of a suite ({@code vetting.json}): who checked which files when, what they accepted, and whether the suite still matches it. */
package dev.parity.tasks.vetting;
