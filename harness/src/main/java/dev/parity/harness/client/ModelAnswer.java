package dev.parity.harness.client;

import java.util.List;
import java.util.Objects;

/**
 * What came back from one call.
 *
 * @param text the answer's text (may hold a file envelope; the runner extracts files from it)
 * @param files files the model delivered as files (command agents, replayed answers); API
 *     clients deliver none here
 * @param record what happened: model, usage, cost, timings, raw bodies
 * @param toolCalls the tools the model called, in order; empty for a plain answer
 * @param state for an answer to a request with a {@link Conversation}, the model's message as its
 *     client sends it back on the next turn ({@link Conversation.Turn#state()}); null otherwise
 */
public record ModelAnswer(String text, List<AnswerFile> files, CallRecord record, List<ToolCall> toolCalls,
    String state) {
  public ModelAnswer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(record, "record");
    files = List.copyOf(files);
    toolCalls = List.copyOf(toolCalls);
  }

  /** A plain answer: no tool calls. */
  public ModelAnswer(String text, List<AnswerFile> files, CallRecord record) {
    this(text, files, record, List.of(), null);
  }

  /**
   * A file delivered as bytes.
   *
   * @param name its file name, e.g. {@code plan.pptx}
   * @param content its bytes
   */
  public record AnswerFile(String name, byte[] content) {
    public AnswerFile {
      Objects.requireNonNull(name, "name");
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }
}
