-- Imports are shared with demand-service (service-commons): a job records the organisation of
-- the uploader besides the organisation the rows are for (an operator may import on an
-- organisation's behalf there; here both are the uploading university's).
ALTER TABLE import_job ADD COLUMN uploader_organisation_id varchar(64);
UPDATE import_job SET uploader_organisation_id = organisation_id;
ALTER TABLE import_job ALTER COLUMN uploader_organisation_id SET NOT NULL;

-- Rows are now stored in chunks: done, imported and failed move together once per chunk.
COMMENT ON TABLE import_job IS 'one uploaded file; done = imported + failed rows, moved in the transaction that stores them';
