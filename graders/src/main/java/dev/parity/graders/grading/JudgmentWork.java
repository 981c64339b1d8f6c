package dev.parity.graders.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.ParityException;
import dev.parity.documents.PageOptions;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.work.LeaseTable;
import dev.parity.harness.work.WorkQueue;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import dev.parity.tasks.SuiteLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The pairwise judgments of grading passes on PostgreSQL as units of work ({@code judgment_work}),
 * as one worker sees them: one unit is one judgment, both orders and any third call inside it.
 * Claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease that the worker renews,
 * recorded once (the lease is checked in the transaction that stores the judgment, {@link
 * #completion}), and given back when a worker stops or dies: the same {@link LeaseTable} as {@link
 * WorkQueue}'s for a run's attempts, over its own table. Design: docs/teams.md#grading-with-workers.
 * Thread-safe; holds no connection.
 */
public final class JudgmentWork {
  private static final ObjectMapper JSON = SuiteLoader.mapper();
  private static final String PENDING = "pending";
  private static final String LEASED = "leased";
  private static final String DONE = "done";
  private static final LeaseTable.Key<JobUnit> KEY = new LeaseTable.Key<>() {
    @Override
    public JobUnit read(Row r) throws SQLException {
      return new JobUnit(r.text(1), new Unit(r.text(2), r.text(3), r.text(4), r.integer(5), r.integer(6)));
    }

    @Override
    public List<Object> values(JobUnit key) {
      Unit u = key.unit();
      return List.of(key.jobId(), u.taskId(), u.model(), u.opponent(), u.sample(), u.judgeSample());
    }
  };

  private final Database database;
  private final Clock clock;
  private final LeaseTable<JobUnit> units;

  private JudgmentWork(Database database, Clock clock, Duration lease, String worker) {
    this.database = database;
    this.clock = clock;
    // In the order of the units, so that a pass's judgments are made in the order it lists them.
    this.units = new LeaseTable<>("judgment_work", List.of("job_id"),
        List.of("task_id", "model", "opponent", "sample", "judge_sample"), KEY, clock, lease, worker);
  }

  /** A judgment's key in the table: its job and its unit. */
  private record JobUnit(String jobId, Unit unit) {}

  /**
   * The judgments to make in {@code database}, for a worker named {@code worker} (unique:
   * {@link WorkQueue#newWorkerName()}) whose claims hold for {@code lease} unless renewed.
   *
   * @throws ParityException when the database is not PostgreSQL
   */
  public static JudgmentWork open(Database database, Clock clock, Duration lease, String worker) {
    // The attempts' queue checks the store and the lease the same way: one message for both.
    WorkQueue.open(database, clock, lease, worker);
    return new JudgmentWork(database, clock, lease, worker);
  }

  /** How long a claim holds a judgment unless renewed. */
  public Duration lease() {
    return units.lease();
  }

  /**
   * One grading pass's settings, as a worker needs them to judge as the starting command would.
   *
   * @param judgeSpec the judge's spec, part of every judgment's grader identity
   * @param judge the judge's model configuration (limits, price, what it accepts)
   */
  public record Job(String runId, String judgeSpec, ModelConfig judge, OrderSwap.Disagreement disagreement,
      long seed, Duration timeout, PageOptions pages, Double budgetUsd) {
    public Job {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(judgeSpec, "judgeSpec");
      Objects.requireNonNull(judge, "judge");
      Objects.requireNonNull(disagreement, "disagreement");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(pages, "pages");
    }

    /** The pass's options for pairwise judging with these settings, {@code concurrency} at once. */
    public GradingPass.Options options(int concurrency) {
      return new GradingPass.Options(false, true, List.of(), 1, disagreement, budgetUsd, concurrency, timeout, seed,
          pages);
    }

    /** A digest of every setting: the same pass started again is the same job. */
    String id() {
      try {
        String all = String.join("\n", runId, judgeSpec, JSON.writeValueAsString(judge), disagreement.name(),
            Long.toString(seed), Long.toString(timeout.toMillis()), pages.maxPages() + "x" + pages.longEdge(),
            String.valueOf(budgetUsd));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
      } catch (JsonProcessingException | NoSuchAlgorithmException e) {
        throw new IllegalStateException("cannot digest the grading job of run " + runId, e);
      }
    }
  }

  /** One judgment to make: {@code model}'s attempt of a task and sample against {@code opponent}. */
  public record Unit(String taskId, String model, String opponent, int sample, int judgeSample) {}

  /**
   * One worker's hold on one judgment, valid while renewed and while nobody claimed it again.
   *
   * @param token which claim of the judgment this is; a judgment is recorded only under the latest
   * @param takenOver whether the claim took the judgment from a holder whose lease had run out
   */
  public record Claim(String jobId, Unit unit, String worker, long token, boolean takenOver) {}

  /**
   * Where one job's judgments stand.
   *
   * @param expiredLeases claims taken over from workers whose lease ran out: each is at most the
   *     judge calls that worker had in flight for it, possibly paid without being recorded
   */
  public record Progress(int pending, int leased, int done, int expiredLeases) {
    /** Nothing is left to make: nothing pending, nothing held. */
    public boolean drained() {
      return pending == 0 && leased == 0;
    }
  }

  /**
   * Records {@code job} (once: the same settings are the same job) and queues {@code units} in it:
   * new ones pending, done ones pending again (a pass started again asks what is still missing;
   * those recorded are kept at once), those held by a worker left to it.
   *
   * @return the job's id
   */
  public String enqueue(Job job, List<Unit> units) {
    String id = job.id();
    database.transaction("queue " + units.size() + " judgments of run " + job.runId(), h -> {
      h.update("INSERT INTO judgment_jobs (id, run_id, judge_spec, judge_json, on_disagreement, seed, timeout_ms,"
              + " max_pages, long_edge, budget_usd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (id) DO NOTHING", id, job.runId(), job.judgeSpec(), json(job.judge()),
          job.disagreement().name().toLowerCase(Locale.ROOT), job.seed(), job.timeout().toMillis(),
          job.pages().maxPages(), job.pages().longEdge(), job.budgetUsd(), clock.instant().toString());
      h.batch("INSERT INTO judgment_work (job_id, run_id, task_id, model, opponent, sample, judge_sample, state)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, task_id, model, opponent, sample, judge_sample)"
              + " DO UPDATE SET state = ?, worker = NULL, lease_until_ms = NULL WHERE judgment_work.state = ?",
          units.stream().map(u -> new Object[] {id, job.runId(), u.taskId(), u.model(), u.opponent(), u.sample(),
              u.judgeSample(), PENDING, PENDING, DONE}).toList());
      return null;
    });
    return id;
  }

  /** The job with this id, if it is recorded. */
  public Optional<Job> job(String id) {
    return database.read("read grading job " + id, h -> h.first("SELECT run_id, judge_spec, judge_json,"
            + " on_disagreement, seed, timeout_ms, max_pages, long_edge, budget_usd FROM judgment_jobs WHERE id = ?",
        r -> new Job(r.text(1), r.text(2), model(r.text(3)),
            OrderSwap.Disagreement.valueOf(r.text(4).toUpperCase(Locale.ROOT)), r.bigint(5),
            Duration.ofMillis(r.bigint(6)), new PageOptions(r.integer(7), r.integer(8)), r.real(9)), id));
  }

  /**
   * Claims up to {@code max} of the job's judgments for this worker, in one transaction: pending
   * ones, and held ones whose lease ran out (taken over, and counted). Judgments another
   * transaction is claiming are skipped, never waited for, never given to two workers.
   */
  public List<Claim> claim(String jobId, int max) {
    if (max <= 0) {
      return List.of();
    }
    return database.transaction("claim judgments of grading job " + jobId, h -> units.claim(h, List.of(jobId), max)
        .stream().map(held -> new Claim(jobId, held.key().unit(), held.worker(), held.token(), held.takenOver()))
        .toList());
  }

  /** Extends every lease this worker holds to a full lease from now; returns how many it holds. */
  public int renew() {
    return database.transaction("renew the judgment leases of worker " + units.worker(), units::renew);
  }

  /**
   * The statement that marks {@code held} done, for the transaction that records its judgment:
   * false, changing nothing, when the lease is no longer the judgment's latest, and the caller
   * must then record nothing.
   */
  public Database.Work<Boolean> completion(Claim held) {
    return h -> complete(h, held);
  }

  /** Marks {@code held} done with nothing to record (kept from before, or a judge failure, recorded as its calls). */
  public void complete(Claim held) {
    database.transaction("mark a judgment done", completion(held));
  }

  private boolean complete(Handle h, Claim held) throws SQLException {
    return units.complete(h, held(held));
  }

  private static LeaseTable.Held<JobUnit> held(Claim claim) {
    return new LeaseTable.Held<>(new JobUnit(claim.jobId(), claim.unit()), claim.worker(), claim.token(),
        claim.takenOver());
  }

  /** Gives judgments back unmade (a budget, a stopped judge, Ctrl-C): any worker may claim them at once. */
  public void release(List<Claim> held) {
    if (held.isEmpty()) {
      return;
    }
    database.transaction("give back " + held.size() + " judgments", h -> {
      units.giveBack(h, held.stream().map(JudgmentWork::held).toList());
      return null;
    });
  }

  /** Where the job's judgments stand. */
  public Progress progress(String jobId) {
    return database.read("read grading job " + jobId, h -> {
      LeaseTable.Counts c = units.counts(h, List.of(jobId));
      return new Progress(c.pending(), c.leased(), c.done(), c.expiredLeases());
    });
  }

  /** The jobs with judgments free to claim now, of {@code runId} only unless null, oldest first. */
  public List<String> jobsWithWork(String runId) {
    String free = "SELECT w.job_id FROM judgment_work w JOIN judgment_jobs j ON j.id = w.job_id"
        + " WHERE (w.state = ? OR w.state = ? AND w.lease_until_ms < ?)";
    String order = " GROUP BY w.job_id, j.created_at ORDER BY j.created_at, w.job_id";
    return database.read("find grading jobs with work", h -> runId == null
        ? h.list(free + order, r -> r.text(1), PENDING, LEASED, clock.millis())
        : h.list(free + " AND j.run_id = ?" + order, r -> r.text(1), PENDING, LEASED, clock.millis(), runId));
  }

  /**
   * How many judgments of {@code runId} were taken over from workers whose lease ran out: each may
   * have cost the judge calls its worker had in flight without their answers being recorded.
   * Zero on SQLite, where one process grades.
   */
  public static int possiblyPaid(Database database, String runId) {
    return database.read("count the judgments taken over in run " + runId, h -> h.first(
        "SELECT COALESCE(SUM(expired_leases), 0) FROM judgment_work WHERE run_id = ?", r -> r.integer(1),
        runId).orElse(0));
  }

  private static String json(ModelConfig judge) {
    try {
      return JSON.writeValueAsString(judge);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write judge " + judge.name() + " as JSON", e);
    }
  }

  private static ModelConfig model(String json) throws SQLException {
    try {
      return JSON.readValue(json, ModelConfig.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable judge settings in judgment_jobs: " + e.getOriginalMessage(), e);
    }
  }
}
