-- The provider's own finish (stop) reason, as it reported it (`end_turn`, `STOP`, `content_filter`,
-- `blocked:SAFETY`), beside finish_reason, Parity's normalised reading of it (docs/store.md).
-- Attempts recorded before this version keep NULL: their provider's word was not kept.
ALTER TABLE attempts ADD COLUMN provider_finish_reason VARCHAR(200);
