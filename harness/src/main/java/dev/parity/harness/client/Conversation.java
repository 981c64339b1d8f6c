package dev.parity.harness.client;

import java.util.List;
import java.util.Objects;

/**
 * An agent attempt's exchange so far, sent with each turn's request: the tools the model may call
 * and every earlier turn with the results of its tool calls. A client sends the request's system
 * and text first, then each turn's {@link Turn#state() state} as the model's own message, then the
 * results in its provider's format.
 *
 * @param tools the tools offered, the same on every turn
 * @param turns the turns made so far, oldest first; empty on the first turn
 */
public record Conversation(List<ToolSpec> tools, List<Turn> turns) {
  public Conversation {
    tools = List.copyOf(tools);
    turns = List.copyOf(turns);
  }

  /** This conversation with one more turn. */
  public Conversation with(Turn turn) {
    List<Turn> more = new java.util.ArrayList<>(turns);
    more.add(turn);
    return new Conversation(tools, more);
  }

  /**
   * One turn: what the model answered and what its tool calls gave back.
   *
   * @param state the model's message as the client needs to send it back (for the provider's
   *     reasoning state: OpenAI reasoning items, Anthropic thinking blocks with their signatures,
   *     Gemini thought signatures), opaque to everyone but the client that made it
   * @param results the results of the turn's tool calls, in the order they were called
   */
  public record Turn(String state, List<ToolResult> results) {
    public Turn {
      Objects.requireNonNull(state, "state");
      results = List.copyOf(results);
    }
  }
}
