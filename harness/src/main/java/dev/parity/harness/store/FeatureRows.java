package dev.parity.harness.store;

import dev.parity.documents.DocumentFeatures;
import dev.parity.documents.FileFormat;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The SQL of the {@code file_features} table. */
final class FeatureRows {
  private static final List<String> COLUMNS = List.of("sha256", "format", "version", "length_unit", "length",
      "tables", "headings", "pages", "images", "problem");
  /** Hashes per query: well under SQLite's and PostgreSQL's limits on parameters. */
  private static final int CHUNK = 500;

  private FeatureRows() {}

  /** The features of the files with these hashes, in every format they were read as, at the current version. */
  static List<FileFeatures> of(Handle h, Collection<String> sha256s) throws SQLException {
    List<FileFeatures> found = new ArrayList<>();
    List<String> all = List.copyOf(sha256s);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      Object[] parameters = new Object[chunk.size() + 1];
      parameters[0] = FileFeatures.VERSION;
      for (int i = 0; i < chunk.size(); i++) {
        parameters[i + 1] = chunk.get(i);
      }
      found.addAll(h.list("SELECT " + String.join(", ", COLUMNS) + " FROM file_features WHERE version = ?"
          + " AND sha256 IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
          FeatureRows::read, parameters));
    }
    return found;
  }

  /** Records features; features already recorded for the same content, format and version stay. */
  static void record(Handle h, Collection<FileFeatures> features) throws SQLException {
    String sql = h.dialect().upsert("file_features", List.of("sha256", "format", "version"), COLUMNS, List.of());
    List<Object[]> rows = new ArrayList<>();
    for (FileFeatures f : features) {
      DocumentFeatures d = f.features();
      rows.add(d == null
          ? new Object[] {f.sha256(), f.format().id(), FileFeatures.VERSION, null, null, null, null, null, null,
              f.problem()}
          : new Object[] {f.sha256(), f.format().id(), FileFeatures.VERSION, d.unit().id(), d.length(), d.tables(),
              d.headings(), d.pages(), d.images(), null});
    }
    h.batch(sql, rows);
  }

  private static FileFeatures read(Row r) throws SQLException {
    String id = r.text("format");
    FileFormat format = FileFormat.fromId(id).orElseThrow(() -> new IllegalStateException(
        "file_features: unknown format \"" + id + "\""));
    String problem = r.text("problem");
    if (problem != null) {
      return new FileFeatures(r.text("sha256"), format, null, problem);
    }
    return new FileFeatures(r.text("sha256"), format, new DocumentFeatures(r.integer("length"),
        DocumentFeatures.LengthUnit.fromId(r.text("length_unit")), r.integer("tables"), r.integer("headings"),
        r.integer("pages"), r.integer("images")), null);
  }
}
