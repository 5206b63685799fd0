-- Bulk imports of demands from spreadsheets (the same tables as achievement-service's; the code is
-- service-commons' imports): one job per uploaded file, worked through by a background worker in
-- chunks of rows; done/imported/failed move in the transaction that stores the chunk, so the
-- progress shown is exact and a row is never processed twice (the worker checks done).
CREATE TABLE import_job (
    id                       uuid         PRIMARY KEY,
    organisation_id          varchar(64)  NOT NULL,
    uploader_organisation_id varchar(64)  NOT NULL,
    uploaded_by              varchar(200) NOT NULL,
    file_name                varchar(255),
    format                   varchar(8)   NOT NULL,
    status                   varchar(16)  NOT NULL,
    total                    integer      NOT NULL,
    done                     integer      NOT NULL DEFAULT 0,
    imported                 integer      NOT NULL DEFAULT 0,
    failed                   integer      NOT NULL DEFAULT 0,
    failure                  varchar(2000),
    lease_until              timestamptz,
    created_at               timestamptz  NOT NULL,
    started_at               timestamptz,
    finished_at              timestamptz,
    CONSTRAINT import_job_status_chk CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT import_job_format_chk CHECK (format IN ('XLSX', 'CSV')),
    CONSTRAINT import_job_counts_chk CHECK (done = imported + failed AND done <= total)
);

-- The worker picks the oldest job that is queued or whose worker's lease ran out.
CREATE INDEX import_job_pending_idx ON import_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- The uploaded file until its job is finished (then deleted).
CREATE TABLE import_file (
    job_id              uuid         PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
    content             bytea        NOT NULL
);

-- What is wrong with a row that was not imported: row number as in the sheet (header = 1), column name as in the sheet.
CREATE TABLE import_error (
    id                  bigserial    PRIMARY KEY,
    job_id              uuid         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number          integer      NOT NULL,
    column_name         varchar(255),
    message             varchar(2000) NOT NULL
);

CREATE INDEX import_error_job_idx ON import_error (job_id, row_number, id);
