-- How a finished export measured, decoded as a player shows it (seam, largest step, share moving,
-- still pixels): JSON, written when the job is done.
ALTER TABLE render_jobs ADD COLUMN loop_report VARCHAR(2000);
