package dev.parity.samplegen;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Provenance;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a sample {@link Task}, with the provenance every sample task shares: fabricated, by
 * the Parity sample suite, CC-BY-4.0, no confidential information, and the source of its wage.
 * Not thread-safe.
 */
public final class TaskSpec {
  private final String id;
  private String title;
  private SampleOccupation occupation;
  private TaskRequest request;
  private final List<Reference> references = new ArrayList<>();
  private DeliverableSpec deliverable;
  private Baseline baseline;
  private final List<Criterion> rubric = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();

  private TaskSpec(String id) {
    this.id = id;
  }

  public static TaskSpec task(String id) {
    return new TaskSpec(id);
  }

  public TaskSpec title(String title) {
    this.title = title;
    return this;
  }

  /** The occupation, which also gives the sector and the baseline's wage. */
  public TaskSpec occupation(SampleOccupation occupation) {
    this.occupation = occupation;
    return this;
  }

  public TaskSpec request(String from, String text) {
    this.request = new TaskRequest(from, text.strip());
    return this;
  }

  public TaskSpec reference(String file, String description) {
    references.add(new Reference(file, description));
    return this;
  }

  public TaskSpec deliverable(String description, FileFormat... formats) {
    this.deliverable = new DeliverableSpec(List.of(formats), description);
    return this;
  }

  /** The professional's deliverable, costed at the occupation's median wage. */
  public TaskSpec baseline(int minutes, String author, int experienceYears, String... files) {
    requireOccupation();
    this.baseline = new Baseline(List.of(files), minutes, occupation.medianHourlyWageUsd(), author,
        (double) experienceYears);
    return this;
  }

  /** A criterion the deliverable must meet to be acceptable at all. */
  public TaskSpec required(String id, double points, String criterion, String... tags) {
    return add(id, points, criterion, true, tags);
  }

  public TaskSpec criterion(String id, double points, String criterion, String... tags) {
    return add(id, points, criterion, false, tags);
  }

  /** Points taken away when the deliverable does what {@code criterion} describes. */
  public TaskSpec penalty(String id, double points, String criterion, String... tags) {
    if (points >= 0) {
      throw new IllegalArgumentException("penalty " + id + " needs negative points, was " + points);
    }
    return add(id, points, criterion, false, tags);
  }

  /**
   * Gives the criterion added last a deterministic {@code check}, which then decides it instead
   * of a model judge; see {@link RubricCheck}.
   */
  public TaskSpec check(RubricCheck check) {
    if (rubric.isEmpty()) {
      throw new IllegalStateException("task " + id + ": add a criterion before its check");
    }
    Criterion last = rubric.remove(rubric.size() - 1);
    if (last.check() != null) {
      throw new IllegalStateException("task " + id + ": criterion " + last.id() + " already has a check");
    }
    rubric.add(new Criterion(last.id(), last.criterion(), last.points(), last.required(), last.tags(), check.toJson()));
    return this;
  }

  public TaskSpec tags(String... tags) {
    this.tags.addAll(List.of(tags));
    return this;
  }

  public Task build() {
    requireOccupation();
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deliverable, "deliverable");
    Objects.requireNonNull(baseline, "baseline");
    Provenance provenance = new Provenance(Provenance.Origin.FABRICATED, "Parity sample suite", "CC-BY-4.0",
        true, SampleSuiteGenerator.WRITTEN, null,
        "Fabricated for Parity's sample suite: every person, firm, address and figure is invented. "
            + occupation.wageSource())
        .withRights("Written for Parity by its authors, who agree to its being shared with model providers "
            + "and graders; it holds no real person's data.", Provenance.RightsBasis.OWN_WORK);
    return new Task(id, title, occupation.occupation(), occupation.sector().title(), request, references,
        deliverable, baseline, rubric, provenance, tags, null);
  }

  private TaskSpec add(String id, double points, String criterion, boolean required, String... tags) {
    rubric.add(new Criterion(id, criterion, points, required, List.of(tags), null));
    return this;
  }

  private void requireOccupation() {
    if (occupation == null) {
      throw new IllegalStateException("task " + id + ": set the occupation first");
    }
  }
}
