-- Indexes that the work queue's and the record's statements can use, and only those
-- (benchmarks/README.md, workers.sh, sixth pass). Portable SQL: SQLite and PostgreSQL both have
-- partial indexes, whose conditions the statements name literally.
--
-- A claim (dev.parity.harness.work.LeaseTable#claim) walks the units not done of a run's model, in
-- order, reading those held by workers on the way and never the done ones. Before, no index served
-- its condition (pending, or held under a lease that ran out), so each claim read the model's done
-- units too: a run's claims cost the square of its size.
CREATE INDEX work_units_free ON work_units (run_id, model_name, task_id, sample) WHERE state <> 'done';
DROP INDEX work_units_claimable;

-- A renewal reads the units its worker holds now, not every unit it ever held. An index on the
-- worker alone was also what PostgreSQL chose, before the table had statistics, for the
-- statement that marks one unit done: it read every unit the worker had held, for each one.
CREATE INDEX work_units_held ON work_units (worker) WHERE state = 'leased';
DROP INDEX work_units_worker;

-- Nothing reads attempts by run and status that the primary key (run_id, model_name, …) does not
-- serve as well, and PostgreSQL chose this index, before a new run's rows had statistics, for
-- every update of an attempt by its key: it read all the run's attempts for each one. It also
-- cost an index entry per update.
DROP INDEX attempts_by_status;
