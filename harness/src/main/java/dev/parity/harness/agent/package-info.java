/**
 * Agent attempts: the tools a model may call ({@link dev.parity.harness.agent.AgentTool}), their
 * execution in the attempt's sandbox, and the tool loop that calls the model once per turn through
 * the one call path until it submits or reaches a limit; see docs/agents.md.
 */
package dev.parity.harness.agent;
