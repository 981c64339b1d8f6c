package dev.parity.tasks.internal;

import static dev.parity.tasks.internal.CacheFields.readCount;
import static dev.parity.tasks.internal.CacheFields.readOptional;
import static dev.parity.tasks.internal.CacheFields.readText;
import static dev.parity.tasks.internal.CacheFields.writeOptional;
import static dev.parity.tasks.internal.CacheFields.writeText;

import dev.parity.tasks.SuiteProvenance;
import dev.parity.tasks.SuiteSummary;
import dev.parity.tasks.TaskFlag;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SuiteSummary} in the load cache, field by field: what {@code parity suite info} prints
 * for an unchanged suite without reading {@code suite.json} or any task's facts again. Doubles are
 * kept as their bits, so the summary read back equals the one written.
 */
final class SummaryCodec {
  private SummaryCodec() {}

  static void write(DataOutputStream out, SuiteSummary summary) throws IOException {
    writeText(out, summary.name());
    writeText(out, summary.version());
    writeText(out, summary.hash());
    writeOptional(out, summary.license());
    SuiteProvenance provenance = summary.provenance();
    out.writeBoolean(provenance != null);
    if (provenance != null) {
      writeText(out, provenance.dataset());
      writeText(out, provenance.revision());
      writeOptional(out, provenance.sourceFile());
      writeOptional(out, provenance.sourceSha256());
      writeOptional(out, provenance.importer());
    }
    out.writeInt(summary.tasks());
    out.writeInt(summary.timedTasks());
    out.writeInt(summary.costedTasks());
    out.writeDouble(summary.humanHours());
    out.writeDouble(summary.humanCostUsd());
    writeGroups(out, summary.sectors());
    writeGroups(out, summary.occupations());
    out.writeInt(summary.flags().size());
    for (SuiteSummary.Flagged flagged : summary.flags()) {
      writeText(out, flagged.kind().name());
      out.writeInt(flagged.taskIds().size());
      for (String id : flagged.taskIds()) {
        writeText(out, id);
      }
    }
  }

  static SuiteSummary read(DataInputStream in) throws IOException {
    String name = readText(in);
    String version = readText(in);
    String hash = readText(in);
    String license = readOptional(in);
    SuiteProvenance provenance = in.readBoolean()
        ? new SuiteProvenance(readText(in), readText(in), readOptional(in), readOptional(in), readOptional(in))
        : null;
    int tasks = in.readInt();
    int timed = in.readInt();
    int costed = in.readInt();
    double hours = in.readDouble();
    double cost = in.readDouble();
    List<SuiteSummary.Group> sectors = readGroups(in);
    List<SuiteSummary.Group> occupations = readGroups(in);
    int kinds = readCount(in);
    List<SuiteSummary.Flagged> flags = new ArrayList<>(kinds);
    for (int k = 0; k < kinds; k++) {
      TaskFlag.Kind kind = TaskFlag.Kind.valueOf(readText(in));
      int count = readCount(in);
      List<String> ids = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ids.add(readText(in));
      }
      flags.add(new SuiteSummary.Flagged(kind, ids));
    }
    return new SuiteSummary(name, version, hash, license, provenance, tasks, timed, costed, hours, cost, sectors,
        occupations, flags);
  }

  private static void writeGroups(DataOutputStream out, List<SuiteSummary.Group> groups) throws IOException {
    out.writeInt(groups.size());
    for (SuiteSummary.Group group : groups) {
      writeText(out, group.name());
      writeOptional(out, group.soc());
      writeOptional(out, group.sector());
      out.writeInt(group.tasks());
      out.writeDouble(group.humanHours());
      out.writeDouble(group.humanCostUsd());
    }
  }

  private static List<SuiteSummary.Group> readGroups(DataInputStream in) throws IOException {
    int count = readCount(in);
    List<SuiteSummary.Group> groups = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      groups.add(new SuiteSummary.Group(readText(in), readOptional(in), readOptional(in), in.readInt(),
          in.readDouble(), in.readDouble()));
    }
    return groups;
  }
}
