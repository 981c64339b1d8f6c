/** The harness: model clients, the one model-call path, runs and their store; see the sub-packages. */
package dev.parity.harness;
