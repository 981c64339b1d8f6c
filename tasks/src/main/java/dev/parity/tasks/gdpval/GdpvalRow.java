package dev.parity.tasks.gdpval;

import java.util.List;

/**
 * One valid row of the dataset, as the importer uses it.
 *
 * @param row the row's number, from 1
 * @param taskId the dataset's {@code task_id}
 * @param sector the sector, as the dataset names it
 * @param occupation the occupation's row of Parity's table
 * @param prompt the request
 * @param referenceFiles the references' dataset paths ({@code reference_files/<hash>/<name>})
 * @param deliverableFiles the expert's files' dataset paths; empty in the launch schema
 * @param rubric the rubric items; empty in the launch schema
 */
record GdpvalRow(int row, String taskId, String sector, GdpvalOccupations.Entry occupation, String prompt,
    List<String> referenceFiles, List<String> deliverableFiles, List<RubricItem> rubric) {

  GdpvalRow {
    referenceFiles = List.copyOf(referenceFiles);
    deliverableFiles = List.copyOf(deliverableFiles);
    rubric = List.copyOf(rubric);
  }

  /**
   * One item of {@code rubric_json}.
   *
   * @param id the {@code rubric_item_id}, or {@code item-N} when the dataset gives none
   * @param criterion what is checked
   * @param score the points, negative for a penalty, never zero
   * @param required whether it is a must-have
   * @param tags the dataset's tags
   */
  record RubricItem(String id, String criterion, int score, boolean required, List<String> tags) {
    RubricItem {
      tags = List.copyOf(tags);
    }
  }
}
