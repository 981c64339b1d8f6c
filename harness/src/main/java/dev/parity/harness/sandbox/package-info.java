/**
 * Where an agent attempt's tool calls run: a workspace ({@code inputs/} read-only, {@code outputs/},
 * a scratch home) behind the small {@link dev.parity.harness.sandbox.Sandbox} interface (prepare,
 * exec, copy out, destroy), with bubblewrap as the default backend; see docs/agents.md.
 */
package dev.parity.harness.sandbox;
