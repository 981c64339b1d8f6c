package dev.parity.tasks.gdpval;

import java.util.List;

/** The two published schemas of GDPval's gold subset, told apart by their columns. */
public enum DatasetSchema {
  /** The launch revision: requests and references only. */
  LAUNCH(List.of("task_id", "sector", "occupation", "prompt", "reference_files", "reference_file_urls",
      "reference_file_hf_uris")),
  /** The later revision: also the expert's deliverable files and the rubric. */
  WITH_DELIVERABLES_AND_RUBRICS(List.of("task_id", "sector", "occupation", "prompt", "reference_files",
      "reference_file_urls", "reference_file_hf_uris", "deliverable_files", "deliverable_file_urls",
      "deliverable_file_hf_uris", "rubric_pretty", "rubric_json"));

  private final List<String> columns;

  DatasetSchema(List<String> columns) {
    this.columns = columns;
  }

  /** The columns every row of this schema has. */
  public List<String> columns() {
    return columns;
  }

  /** The schema of a row with these columns: the later one as soon as one of its own columns is present. */
  static DatasetSchema of(java.util.Collection<String> present) {
    return present.contains("rubric_json") || present.contains("deliverable_files")
        ? WITH_DELIVERABLES_AND_RUBRICS : LAUNCH;
  }
}
