package dev.parity.harness.run;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.deliverable.DeliverableEnvelope;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.deliverable.DeliveryResult;
import dev.parity.harness.deliverable.Finding;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.tasks.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answer format Parity uses: the model is told to return its files in the deliverable
 * envelope ({@link DeliverableEnvelope}, docs/deliverable-envelope.md), and its answer is turned
 * into built, validated files by {@link Deliverables} — from the envelope, or the whole answer as
 * {@code deliverable.md} when it has none, or the files a client delivered as files (command
 * agents, replays). Build failures, validation findings and the parser's repairs become the
 * attempt's deliverable notes. Thread-safe.
 */
public final class EnvelopeAnswerFormat implements AnswerFormat {

  private static final String ROLE = "You are an experienced professional doing a task a colleague"
      + " has handed you. Deliver the finished work itself, complete and ready to hand over, not a plan"
      + " or a description of it.";

  /**
   * The instructions for each list of requested formats, written once: a run asks for them for every
   * attempt twice (its estimate, before the first call; its request), and a suite has few lists.
   */
  private final Map<List<FileFormat>, String> instructions = new ConcurrentHashMap<>();

  @Override
  public String instructions(Task task) {
    return instructions.computeIfAbsent(task.deliverable().formats(),
        formats -> ROLE + "\n\n" + DeliverableEnvelope.instructions(formats));
  }

  @Override
  public String version() {
    return "envelope-v" + DeliverableEnvelope.VERSION;
  }

  @Override
  public Deliverable deliverable(Task task, ModelAnswer answer, FormatConversion conversion) {
    List<FileFormat> requested = task.deliverable().formats();
    List<DeliverableFinding> notes = new ArrayList<>();
    DeliveryResult result = answer.files().isEmpty()
        ? Deliverables.fromAnswer(answer.text(), requested, conversion)
        : Deliverables.fromFiles(delivered(answer.files(), notes), requested, conversion);
    return deliverable(result, notes);
  }

  /**
   * {@code result} as an attempt records it: its files, its extraction, and as findings
   * {@code earlier} (what was found before delivery), then the result's repairs, conversions,
   * build failures and findings.
   */
  static Deliverable deliverable(DeliveryResult result, List<DeliverableFinding> earlier) {
    List<DeliverableFinding> notes = new ArrayList<>(earlier);
    result.notes().forEach(note -> notes.add(DeliverableFinding.note(note)));
    result.conversions().forEach(conversion ->
        notes.add(new DeliverableFinding(DeliverableFinding.Kind.CONVERTED, conversion.to(), conversion.toString())));
    result.buildFailures().forEach(failure ->
        notes.add(new DeliverableFinding(DeliverableFinding.Kind.NOT_BUILT, failure.name(), failure.toString())));
    result.findings().forEach(finding -> notes.add(finding(finding)));
    List<ModelAnswer.AnswerFile> files = result.files().stream()
        .map(file -> new ModelAnswer.AnswerFile(file.name(), file.bytes())).toList();
    return new Deliverable(files, result.extraction().name().toLowerCase(Locale.ROOT), notes);
  }

  private static DeliverableFinding finding(Finding finding) {
    DeliverableFinding.Kind kind = switch (finding.kind()) {
      case MISSING -> DeliverableFinding.Kind.MISSING;
      case UNREADABLE -> DeliverableFinding.Kind.UNREADABLE;
      case EMPTY -> DeliverableFinding.Kind.EMPTY;
      case BROKEN_FORMULA -> DeliverableFinding.Kind.BROKEN_FORMULA;
      case UNCHECKED_FORMULA -> DeliverableFinding.Kind.UNCHECKED_FORMULA;
      case MISSING_GLYPHS -> DeliverableFinding.Kind.MISSING_GLYPHS;
    };
    // A missing format names the format, not a file.
    String file = kind == DeliverableFinding.Kind.MISSING || finding.file().isEmpty() ? null : finding.file();
    return new DeliverableFinding(kind, file, finding.message());
  }

  /** The client's files as deliverable files; one of no known format, or a repeated name, is noted and left out. */
  private static List<DeliveredFile> delivered(List<ModelAnswer.AnswerFile> files, List<DeliverableFinding> notes) {
    List<DeliveredFile> delivered = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ModelAnswer.AnswerFile file : files) {
      Optional<FileFormat> format = FileFormat.ofFileName(file.name());
      if (format.isEmpty()) {
        notes.add(new DeliverableFinding(DeliverableFinding.Kind.LEFT_OUT, file.name(), file.name()
            + " was left out: its format is not one a deliverable may have (" + FileFormat.knownIds() + ")"));
      } else if (!names.add(file.name())) {
        notes.add(new DeliverableFinding(DeliverableFinding.Kind.LEFT_OUT, file.name(),
            file.name() + " was delivered twice; the first one is kept"));
      } else {
        delivered.add(new DeliveredFile(file.name(), format.get(), file.content()));
      }
    }
    return delivered;
  }
}
