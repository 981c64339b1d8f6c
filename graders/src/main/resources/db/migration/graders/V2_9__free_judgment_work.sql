-- Indexes that the grading queue's statements (dev.parity.harness.work.LeaseTable) can use, as
-- harness V1_10 does for work_units. Portable SQL: SQLite and PostgreSQL both have partial indexes,
-- whose conditions the statements name literally.
--
-- A claim walks the judgments not done of its job, in order, reading those held by workers on the
-- way and never the done ones; before, each claim read the job's done judgments too, in the primary
-- key's order, so a pass's claims cost the square of its size. A job's counts use the primary key.
CREATE INDEX judgment_work_free ON judgment_work (job_id, task_id, model, opponent, sample, judge_sample)
  WHERE state <> 'done';
DROP INDEX judgment_work_claimable;

-- A renewal reads the judgments its worker holds now, not every one it ever held; an index on
-- the worker alone could also be chosen, before the table had statistics, for the statement that
-- marks one judgment done.
CREATE INDEX judgment_work_held ON judgment_work (worker) WHERE state = 'leased';
DROP INDEX judgment_work_worker;
