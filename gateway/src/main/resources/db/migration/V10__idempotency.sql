-- Idempotency-Key for every POST but the share push (which derives its share id from the key).
-- A row is inserted in the same transaction as the events of the command it answers for, so the
-- two exist together or not at all. The primary key makes a concurrent duplicate wait for the
-- first and then replay its response, kept as text exactly as first sent. Rows are kept: a retry
-- after any restart gets the original.
create table idempotency_record (
    partner_id       varchar(64)  not null,
    idempotency_key  varchar(255) not null,
    request_digest   varchar(64)  not null,
    status           integer,
    response_body    text,
    location         varchar(500),
    created_at       timestamptz  not null,
    primary key (partner_id, idempotency_key)
);
