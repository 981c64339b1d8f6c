-- What an agent attempt did and spent (issue 14): the turns and tool calls of the try that ended
-- it, the sandbox's CPU time and peak memory over those calls, and what every try's turns spent,
-- added turn by turn as they answer, so that a try left unfinished by a stop or a kill stays
-- counted after the attempt starts over. All null for plain attempts and for older rows.
-- Portable SQL: one ADD COLUMN a statement, which SQLite and PostgreSQL both accept.

ALTER TABLE attempts ADD COLUMN agent_turns INTEGER;
ALTER TABLE attempts ADD COLUMN agent_tool_calls INTEGER;
ALTER TABLE attempts ADD COLUMN sandbox_cpu_ms BIGINT;
ALTER TABLE attempts ADD COLUMN sandbox_peak_memory_kb BIGINT;
ALTER TABLE attempts ADD COLUMN spent_input_tokens BIGINT;
ALTER TABLE attempts ADD COLUMN spent_output_tokens BIGINT;
ALTER TABLE attempts ADD COLUMN spent_reasoning_tokens BIGINT;
ALTER TABLE attempts ADD COLUMN spent_cached_input_tokens BIGINT;
ALTER TABLE attempts ADD COLUMN spent_usd DOUBLE PRECISION;
