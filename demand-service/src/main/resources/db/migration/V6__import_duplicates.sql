-- An import checks each row for near-duplicates like a create; the uploader may confirm them
-- (?duplicates=confirmed), then such rows are imported anyway.
ALTER TABLE import_job ADD COLUMN duplicates_confirmed boolean NOT NULL DEFAULT false;
