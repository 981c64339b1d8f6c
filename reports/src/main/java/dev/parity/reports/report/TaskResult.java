package dev.parity.reports.report;

import java.util.List;

/**
 * One model on one task: its verdicts, and the times, costs and rubric scores behind the
 * report's figures. A figure the data cannot give is null.
 *
 * @param taskId the task
 * @param title the task's title; null when the suite is not known
 * @param occupation the task's occupation
 * @param sector the task's sector
 * @param fileTypes the deliverable's file types; empty when the suite is not known
 * @param model the model
 * @param nJudgments its judgments against the professional on this task
 * @param wins of them, won
 * @param ties tied
 * @param losses lost
 * @param baselineMinutes the professional's minutes
 * @param baselineCostUsd the professional's cost: minutes × hourly wage
 * @param attempts the model's measured attempts (answers) on the task
 * @param modelMinutes the model's mean minutes per attempt
 * @param modelCostUsd the model's mean API cost per attempt
 * @param rubricModel the model's rubric score, averaged over its samples
 * @param rubricBaseline the professional's rubric score
 */
public record TaskResult(
    String taskId,
    String title,
    String occupation,
    String sector,
    List<String> fileTypes,
    String model,
    int nJudgments,
    int wins,
    int ties,
    int losses,
    Double baselineMinutes,
    Double baselineCostUsd,
    int attempts,
    Double modelMinutes,
    Double modelCostUsd,
    Double rubricModel,
    Double rubricBaseline) {

  public TaskResult {
    fileTypes = List.copyOf(fileTypes);
  }
}
