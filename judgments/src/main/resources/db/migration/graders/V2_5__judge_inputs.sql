-- What a model judge was shown in each call (issue 13, judges see pages): page images, native PDFs or
-- text, pages per file, whether the budget cut a file, and what drew the pages (JSON written by
-- dev.parity.judgments.JudgeInputs). Null for calls made before this migration: text only.
-- Portable SQL: it must run unchanged on SQLite and PostgreSQL.
ALTER TABLE judge_calls ADD COLUMN inputs TEXT;
ALTER TABLE rubric_scores ADD COLUMN inputs TEXT;
