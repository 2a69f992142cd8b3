-- Read model: investigations (PRODUCT.md §2, §3, §6), fed by the pooled streaming processor
-- "investigations" from Investigation events. Every handler is idempotent (insert … on conflict do
-- nothing, updates that set absolute values), so a replay rebuilds exactly these rows.
create table investigation_view (
    investigation_id    varchar(64)    not null primary key,
    lead_agency         varchar(64)    not null,
    title               text           not null,
    subjects            text[]         not null,
    opened_at           timestamptz    not null,
    closed_at           timestamptz,
    -- The latest outcome (several may be recorded; every one is in investigation_outcome).
    outcome             varchar(32),
    outcome_details     text,
    outcome_recorded_at timestamptz,
    outcome_sequence    bigint,
    status              varchar(8)     generated always as (
        case when closed_at is not null then 'CLOSED' else 'OPEN' end) stored
);
create index investigation_view_listing_idx on investigation_view (opened_at desc, investigation_id desc);
create index investigation_view_lead_idx on investigation_view (lead_agency);

-- Shares linked as evidence. Besides feedback (providers of linked shares see the outcome), this is
-- what the TLP:AMBER rule "members of an investigation that linked it may see the share" reads.
create table investigation_evidence (
    investigation_id varchar(64) not null references investigation_view (investigation_id),
    share_id         varchar(64) not null,
    linked_by        varchar(64) not null,
    linked_at        timestamptz not null,
    sequence_number  bigint      not null,
    primary key (investigation_id, share_id)
);
create index investigation_evidence_share_idx on investigation_evidence (share_id);

-- Inspections linked as evidence.
create table investigation_inspection (
    investigation_id varchar(64) not null references investigation_view (investigation_id),
    inspection_id    varchar(64) not null,
    linked_by        varchar(64) not null,
    linked_at        timestamptz not null,
    sequence_number  bigint      not null,
    primary key (investigation_id, inspection_id)
);
create index investigation_inspection_inspection_idx on investigation_inspection (inspection_id);

-- Every outcome recorded, by the aggregate sequence number of its event.
create table investigation_outcome (
    investigation_id varchar(64)   not null references investigation_view (investigation_id),
    sequence_number  bigint        not null,
    outcome          varchar(32)   not null,
    details          text,
    recorded_by      varchar(64)   not null,
    recorded_at      timestamptz   not null,
    primary key (investigation_id, sequence_number)
);
