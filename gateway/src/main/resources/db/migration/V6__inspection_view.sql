-- Read model: inspection requests (PRODUCT.md §2, §3, §6), fed by the pooled streaming processor
-- "inspections" from InspectionRequest events. Every handler is idempotent (insert … on conflict do
-- nothing, updates that set absolute values), so a replay rebuilds exactly these rows. Free text
-- (reason, findings, note) is not copied: GET /inspections/{id} returns the signed records.
create table inspection_view (
    inspection_id     varchar(64)   not null primary key,
    requester         varchar(64)   not null,
    carrier           varchar(64)   not null,
    tracking_number   varchar(100),
    air_waybill       varchar(100),
    container_number  varchar(100),
    port_of_entry     varchar(10)   not null,
    priority          varchar(16)   not null,
    linked_shares     varchar(64)[] not null,
    requested_at      timestamptz   not null,
    acknowledged_at   timestamptz,
    scheduled_for     timestamptz,
    location          text,
    scheduled_at      timestamptz,
    schedule_sequence bigint,
    result            varchar(16),
    completed_at      timestamptz,
    cancelled_at      timestamptz,
    -- Derived from the facts above, so the order in which events were applied cannot change it.
    status            varchar(16)   generated always as (
        case
            when completed_at is not null then 'COMPLETED'
            when cancelled_at is not null then 'CANCELLED'
            when scheduled_at is not null then 'SCHEDULED'
            when acknowledged_at is not null then 'ACKNOWLEDGED'
            else 'REQUESTED'
        end) stored
);
-- Listing is newest first with a keyset cursor on (requested_at, inspection_id).
create index inspection_view_listing_idx on inspection_view (requested_at desc, inspection_id desc);
create index inspection_view_requester_idx on inspection_view (requester);
create index inspection_view_carrier_idx on inspection_view (carrier);
create index inspection_view_port_idx on inspection_view (port_of_entry, status);
