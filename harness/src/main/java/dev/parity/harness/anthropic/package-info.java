/** Anthropic's Messages API, registered as the provider {@code anthropic}. */
package dev.parity.harness.anthropic;
