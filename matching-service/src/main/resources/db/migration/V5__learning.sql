-- Factor weights learned from broker decisions, per top-level field (two-digit code). A field
-- without rows is scored with the configured defaults; a decision that moves weights writes all of
-- the field's factors, in the decision's transaction.
CREATE TABLE learned_weight (
    field_code  varchar(2)        NOT NULL,
    factor      varchar(20)       NOT NULL,
    weight      double precision  NOT NULL CHECK (weight >= 0 AND weight <= 1),
    updated_at  timestamptz       NOT NULL,
    PRIMARY KEY (field_code, factor)
);

-- Every move of a learned weight, with its cause: the decision on a pair, who made it, when.
CREATE TABLE learned_weight_move (
    id           bigserial         PRIMARY KEY,
    field_code   varchar(2)        NOT NULL,
    factor       varchar(20)       NOT NULL,
    from_weight  double precision  NOT NULL,
    to_weight    double precision  NOT NULL,
    cause        varchar(200)      NOT NULL,
    match_id     uuid              REFERENCES match_pair (id),
    actor        varchar(100)      NOT NULL,
    occurred_at  timestamptz       NOT NULL
);
CREATE INDEX learned_weight_move_field_idx ON learned_weight_move (field_code, id DESC);
