-- Judgments format version 2 (docs/judgments-format.md): how the contestant's deliverable was shown.
-- The model column keeps its name and holds the contestant as printed (a model's name, or human:<id>).
-- Judgments stored before this migration have these columns null: nothing known about how they were shown.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.

-- shown: where a human grader saw the contestant's deliverable ('left' or 'right');
-- outcome_shown_first/second: a model judge's outcome ('win', 'tie', 'loss') from the contestant's side in
-- the call that showed its deliverable first, and in the one that showed it second. The outcome column
-- is derived from them (docs/judgments-format.md).
ALTER TABLE judgments ADD COLUMN shown VARCHAR(10);
ALTER TABLE judgments ADD COLUMN outcome_shown_first VARCHAR(10);
ALTER TABLE judgments ADD COLUMN outcome_shown_second VARCHAR(10);

