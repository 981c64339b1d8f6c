package dev.parity.harness.client;

import dev.parity.documents.FileFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a client sends: the instructions, the request, the reference files and the requested
 * deliverable formats, for one sample of one task.
 *
 * @param taskId the task's id (replay and command clients use it; API clients do not send it)
 * @param sample which sample of the task, from 0
 * @param system the system instructions (how to answer, how to return files)
 * @param text the request as the model reads it
 * @param attachments the reference files handed over with the request
 * @param formats the formats the deliverable is requested in
 * @param timeout how long this one call may take before it counts as timed out
 * @param conversation for an agent attempt, the tools and the turns so far; null for a plain request
 */
public record ModelRequest(
    String taskId,
    int sample,
    String system,
    String text,
    List<Attachment> attachments,
    List<FileFormat> formats,
    Duration timeout,
    Conversation conversation) {

  public ModelRequest {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(timeout, "timeout");
    attachments = List.copyOf(attachments);
    formats = List.copyOf(formats);
    if (sample < 0) {
      throw new IllegalArgumentException("sample must be >= 0, was " + sample);
    }
  }

  /** A plain request: one answer, no tools. */
  public ModelRequest(String taskId, int sample, String system, String text, List<Attachment> attachments,
      List<FileFormat> formats, Duration timeout) {
    this(taskId, sample, system, text, attachments, formats, timeout, null);
  }

  /** This request as one turn of an agent attempt. */
  public ModelRequest withConversation(Conversation conversation) {
    return new ModelRequest(taskId, sample, system, text, attachments, formats, timeout, conversation);
  }
}
