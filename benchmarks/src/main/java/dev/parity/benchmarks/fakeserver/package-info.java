/** A low-overhead fake OpenAI-compatible server for whole-command benchmarks. */
package dev.parity.benchmarks.fakeserver;
