/** What the agent sandbox costs: a tool call's overhead with and without bubblewrap. */
package dev.parity.benchmarks.sandbox;
