package dev.parity.harness.agent;

import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.ModelAnswer;

/** Hears each turn and tool call of an agent attempt as it happens (the attempt's transcript). */
public interface AgentRecorder {
  /** Turn {@code turn} (from 1) answered. */
  void turn(int turn, ModelAnswer answer, CallRecord record);

  /** A tool call of turn {@code turn} ran. */
  void toolCall(int turn, ToolExecution execution);

  /** Records nothing. */
  AgentRecorder NONE = new AgentRecorder() {
    @Override
    public void turn(int turn, ModelAnswer answer, CallRecord record) {}

    @Override
    public void toolCall(int turn, ToolExecution execution) {}
  };
}
