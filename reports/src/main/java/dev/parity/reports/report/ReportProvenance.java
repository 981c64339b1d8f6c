package dev.parity.reports.report;

import java.time.Instant;
import java.util.List;

/**
 * What a report was computed from and how: enough to trace every number to its data and code
 * and to compute it again.
 *
 * @param suiteName the suite's name; null when no suite was given or named by a run
 * @param suiteVersion the suite's version
 * @param suiteHash the suite's content hash ({@code sha256:…})
 * @param runIds the runs whose attempts the report uses
 * @param runs the runs, as stored
 * @param sources every source of data, in the order given
 * @param exampleData whether any source is example data
 * @param judgments judgments read
 * @param humanGraders distinct human graders
 * @param modelGraders distinct model judges
 * @param rubricScores rubric criterion scores read
 * @param graders whose verdicts against the professionals make the win rates: {@code human}
 *     when there are any, else {@code model}
 * @param generatedAt when the report was computed
 * @param parityVersion the Parity version that computed it
 * @param parityCommit the commit it was built from
 * @param seed the seed of every bootstrap
 * @param bootstrapResamples resamples of the win-rate and rubric bootstraps
 * @param refitResamples resamples of the bootstraps that refit a model (ratings, time horizon)
 * @param tries n in the "try n times" workflow
 */
public record ReportProvenance(
    String suiteName,
    String suiteVersion,
    String suiteHash,
    List<String> runIds,
    List<RunInfo> runs,
    List<Source> sources,
    boolean exampleData,
    int judgments,
    int humanGraders,
    int modelGraders,
    int rubricScores,
    String graders,
    Instant generatedAt,
    String parityVersion,
    String parityCommit,
    long seed,
    int bootstrapResamples,
    int refitResamples,
    int tries) {

  public ReportProvenance {
    runIds = List.copyOf(runIds);
    runs = List.copyOf(runs);
    sources = List.copyOf(sources);
  }

  /**
   * One run, as stored.
   *
   * @param id the run's id
   * @param suiteName the suite it ran
   * @param suiteVersion its version
   * @param suiteHash its content hash
   * @param status where the run stands
   * @param createdAt when it was first started
   * @param endedAt when it last ended; null while running
   * @param models the models it ran
   * @param parityVersion the Parity version and commit that started it
   * @param convertedDeliverables how many of its attempts' deliverables have a requested format
   *     built from a Markdown or CSV file the model delivered instead ({@code parity run
   *     --convert-formats}); 0 when none, or the run did not convert
   */
  public record RunInfo(
      String id, String suiteName, String suiteVersion, String suiteHash, String status,
      Instant createdAt, Instant endedAt, List<String> models, String parityVersion, int convertedDeliverables) {

    public RunInfo {
      models = List.copyOf(models);
      if (convertedDeliverables < 0) {
        throw new IllegalArgumentException("run " + id + ": converted deliverables < 0: " + convertedDeliverables);
      }
    }
  }
}
