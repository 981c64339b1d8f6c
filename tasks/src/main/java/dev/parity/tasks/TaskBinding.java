package dev.parity.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.FileFormat;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A checked {@code task.json} bound to its {@link Task} by hand, as the suite's JSON mapper binds
 * it, without the mapper: binding through Jackson was the largest part of reading a one-file task
 * once the schema check was quick (its deserializers built by reflection, then a token stream
 * over the tree per task).
 *
 * <p>It binds what the schema admits and nothing else: a value of a type or a name it does not
 * expect (which a schema-valid document does not hold) makes it give up, and the caller binds
 * through the mapper, so that the mapper's answer, or its failure, stands wherever the two could
 * differ. {@code TaskBindingTest} holds the two to the same {@link Task}s.
 *
 * <p>Stateless and safe to call from many threads.
 */
final class TaskBinding {
  private TaskBinding() {}

  /** The task {@code json} holds, found in {@code folder}; empty when the mapper must bind it. */
  static Optional<Task> bind(JsonNode json, Path folder) {
    try {
      return Optional.of(task(json, folder));
    } catch (Unexpected | RuntimeException e) {
      // Not a document this binding knows, or one a record refuses: the mapper says what happens.
      return Optional.empty();
    }
  }

  /** A value the mapper would coerce, refuse or read differently: left to it. */
  private static final class Unexpected extends Exception {
    private static final long serialVersionUID = 1L;

    Unexpected() {
      super(null, null, false, false);
    }
  }

  private static Task task(JsonNode json, Path folder) throws Unexpected {
    object(json);
    return new Task(text(json.get("id")), text(json.get("title")), occupation(json.get("occupation")),
        text(json.get("sector")), request(json.get("request")), references(json.get("references")),
        unshown(json.get("references_not_shown")), deliverable(json.get("deliverable")),
        baseline(json.get("baseline")), rubric(json.get("rubric")), provenance(json.get("provenance")),
        texts(json.get("tags")), folder);
  }

  private static Occupation occupation(JsonNode json) throws Unexpected {
    return absent(json) ? null : new Occupation(text(object(json).get("title")), text(json.get("soc")));
  }

  private static TaskRequest request(JsonNode json) throws Unexpected {
    return absent(json) ? null : new TaskRequest(text(object(json).get("from")), text(json.get("text")));
  }

  private static List<Reference> references(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    List<Reference> references = new ArrayList<>();
    for (JsonNode reference : array(json)) {
      references.add(reference.isTextual() ? Reference.ofPath(reference.textValue())
          : new Reference(text(object(reference).get("file")), text(reference.get("description"))));
    }
    return references;
  }

  private static List<UnshownReference> unshown(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    List<UnshownReference> unshown = new ArrayList<>();
    for (JsonNode reference : array(json)) {
      object(reference);
      unshown.add(new UnshownReference(text(reference.get("file")), text(reference.get("description")),
          reason(reference.get("reason")), text(reference.get("url"))));
    }
    return unshown;
  }

  private static DeliverableSpec deliverable(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    object(json);
    List<FileFormat> formats = null;
    JsonNode ids = json.get("formats");
    if (!absent(ids)) {
      formats = new ArrayList<>();
      for (JsonNode id : array(ids)) {
        if (!id.isTextual()) {
          throw new Unexpected();
        }
        Optional<FileFormat> format = FileFormat.fromId(id.textValue());
        if (format.isEmpty()) {
          throw new Unexpected();
        }
        formats.add(format.get());
      }
    }
    return new DeliverableSpec(formats, text(json.get("description")), formatsFrom(json.get("formats_from")),
        text(json.get("unsupported")));
  }

  private static Baseline baseline(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    object(json);
    return new Baseline(texts(json.get("files")), sourced(json.get("minutes")), sourced(json.get("hourly_wage_usd")),
        text(json.get("author")), number(json.get("experience_years")));
  }

  /** As {@link SourcedValue#fromJson}, which the mapper calls, on the shapes the schema admits. */
  private static SourcedValue sourced(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    if (!json.isNumber()) {
      object(json);
      if (!json.path("source").isTextual() || !scalarOrAbsent(json.get("value")) || !scalarOrAbsent(json.get("basis"))) {
        throw new Unexpected();
      }
    }
    return SourcedValue.fromJson(json);
  }

  private static List<Criterion> rubric(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    List<Criterion> rubric = new ArrayList<>();
    for (JsonNode criterion : array(json)) {
      object(criterion);
      JsonNode points = criterion.get("points");
      JsonNode required = criterion.get("required");
      JsonNode check = criterion.get("check");
      if (!(absent(points) || points.isNumber()) || !(absent(required) || required.isBoolean())
          || !(absent(check) || check.isObject())) {
        throw new Unexpected();
      }
      rubric.add(new Criterion(text(criterion.get("id")), text(criterion.get("criterion")),
          absent(points) ? 0 : points.doubleValue(), !absent(required) && required.booleanValue(),
          texts(criterion.get("tags")), absent(check) ? null : check));
    }
    return rubric;
  }

  private static Provenance provenance(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    object(json);
    JsonNode attested = json.get("attested_no_confidential_info");
    if (!(absent(attested) || attested.isBoolean())) {
      throw new Unexpected();
    }
    return new Provenance(origin(json.get("origin")), text(json.get("contributor")), text(json.get("license")),
        absent(attested) ? null : attested.booleanValue(), date(json.get("date")), text(json.get("source")),
        text(json.get("notes")), dataset(json.get("dataset")), text(json.get("consent")),
        rightsBasis(json.get("rights_basis")));
  }

  private static DatasetRow dataset(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    JsonNode row = object(json).get("row");
    if (absent(row) || !row.isIntegralNumber() || !row.canConvertToInt()) {
      throw new Unexpected();
    }
    return new DatasetRow(text(json.get("name")), text(json.get("revision")), row.intValue());
  }

  private static LocalDate date(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    try {
      return LocalDate.parse(text(json));
    } catch (DateTimeParseException e) {
      throw new Unexpected();
    }
  }

  private static UnshownReference.Reason reason(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    String id = text(json);
    for (UnshownReference.Reason reason : UnshownReference.Reason.values()) {
      if (reason.id().equals(id)) {
        return reason;
      }
    }
    throw new Unexpected();
  }

  private static DeliverableSpec.FormatsFrom formatsFrom(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    String id = text(json);
    for (DeliverableSpec.FormatsFrom from : DeliverableSpec.FormatsFrom.values()) {
      if (from.id().equals(id)) {
        return from;
      }
    }
    throw new Unexpected();
  }

  private static Provenance.Origin origin(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    String id = text(json);
    for (Provenance.Origin origin : Provenance.Origin.values()) {
      if (origin.id().equals(id)) {
        return origin;
      }
    }
    throw new Unexpected();
  }

  private static Provenance.RightsBasis rightsBasis(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    String id = text(json);
    for (Provenance.RightsBasis basis : Provenance.RightsBasis.values()) {
      if (basis.id().equals(id)) {
        return basis;
      }
    }
    throw new Unexpected();
  }

  private static List<String> texts(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode text : array(json)) {
      if (!text.isTextual()) {
        throw new Unexpected();
      }
      texts.add(text.textValue());
    }
    return texts;
  }

  private static Double number(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    if (!json.isNumber()) {
      throw new Unexpected();
    }
    return json.doubleValue();
  }

  /** A string member; null when absent or null. */
  private static String text(JsonNode json) throws Unexpected {
    if (absent(json)) {
      return null;
    }
    if (!json.isTextual()) {
      throw new Unexpected();
    }
    return json.textValue();
  }

  private static JsonNode object(JsonNode json) throws Unexpected {
    if (!json.isObject()) {
      throw new Unexpected();
    }
    return json;
  }

  private static JsonNode array(JsonNode json) throws Unexpected {
    if (!json.isArray()) {
      throw new Unexpected();
    }
    return json;
  }

  private static boolean scalarOrAbsent(JsonNode json) {
    return json == null || json.isNull() || json.isNumber() || json.isTextual();
  }

  /** Missing, or JSON null: both bind to null. */
  private static boolean absent(JsonNode json) {
    return json == null || json.isNull();
  }
}
