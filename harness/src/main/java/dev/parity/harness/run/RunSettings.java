package dev.parity.harness.run;

import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.deliverable.FormatConversion;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run goes. {@link #samples}, {@link #selection}, {@link #agent} and {@link #convertFormats}
 * define the run's attempts and cannot change on a resume; the rest may.
 *
 * @param samples answers per task and model, at least 1
 * @param selection which tasks
 * @param timeout how long one call may take
 * @param maxRetries how many times a failed call is tried again within one attempt
 * @param budgetUsd the most the run may cost in US dollars, counted across resumes; null for no
 *     limit
 * @param useCache whether an answer already recorded for the identical request is reused
 * @param retryFailed whether a resume tries again the attempts that failed (never the answered ones)
 * @param agent for an agent run ({@code --tools}), its tools and limits; null for plain attempts
 * @param convertFormats whether a requested format the model delivered only as Markdown or CSV is
 *     built from that file ({@code --convert-formats}) instead of counting as missing
 */
public record RunSettings(
    int samples,
    TaskSelection selection,
    Duration timeout,
    int maxRetries,
    Double budgetUsd,
    boolean useCache,
    boolean retryFailed,
    AgentSettings agent,
    boolean convertFormats) {

  /**
   * One sample of every task, 10-minute calls, 6 retries, no budget, cache on, failures retried,
   * no tools, no format conversion.
   */
  public static final RunSettings DEFAULT =
      new RunSettings(1, TaskSelection.ALL, Duration.ofMinutes(10), 6, null, true, true, null, false);

  public RunSettings {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(timeout, "timeout");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, was " + samples);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("max retries must be 0 or more, was " + maxRetries);
    }
    if (budgetUsd != null && !(budgetUsd > 0)) {
      throw new IllegalArgumentException("budget must be positive, was " + budgetUsd);
    }
  }

  /** Settings for plain attempts (no tools, no format conversion). */
  public RunSettings(int samples, TaskSelection selection, Duration timeout, int maxRetries, Double budgetUsd,
      boolean useCache, boolean retryFailed) {
    this(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, null, false);
  }

  /** These settings as the store records them with a run ({@link #of} reads them back). */
  public String json() {
    return RunDefinition.settingsJson(this);
  }

  /** The settings {@code run} was started with (operational ones as last given). */
  public static RunSettings of(dev.parity.harness.store.Run run) {
    return RunDefinition.settings(run);
  }

  public RunSettings withSamples(int samples) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  public RunSettings withSelection(TaskSelection selection) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  public RunSettings withTimeout(Duration timeout) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  public RunSettings withMaxRetries(int maxRetries) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  public RunSettings withBudgetUsd(Double budgetUsd) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  public RunSettings withUseCache(boolean useCache) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  /** These settings for an agent run ({@code agent} not null) or a plain one. */
  public RunSettings withAgent(AgentSettings agent) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }

  /** These settings with format conversion ({@code --convert-formats}) on or off. */
  public RunSettings withConvertFormats(boolean convertFormats) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent,
        convertFormats);
  }

  /** {@link #convertFormats} as the deliverable builder takes it. */
  public FormatConversion formatConversion() {
    return convertFormats ? FormatConversion.CONVERT : FormatConversion.OFF;
  }

  public RunSettings withRetryFailed(boolean retryFailed) {
    return new RunSettings(samples, selection, timeout, maxRetries, budgetUsd, useCache, retryFailed, agent, convertFormats);
  }
}
