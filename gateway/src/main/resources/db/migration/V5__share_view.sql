-- Read model: intelligence shares as the visibility rules of PRODUCT.md §3 need them, fed by the
-- pooled streaming processor "shares" from IntelligenceShare events. Content itself is not copied:
-- a read returns the signed record rebuilt from the event store.
create table share_view (
    share_id        varchar(64)  not null primary key,
    provider        varchar(64)  not null,
    kind            varchar(32)  not null,
    marking         varchar(20)  not null,
    audience        varchar(64)[] not null,
    withdrawn       boolean      not null default false,
    latest_version  integer      not null,
    pushed_at       timestamptz  not null
);
create index share_view_provider_idx on share_view (provider);
create index share_view_audience_idx on share_view using gin (audience);

-- Which event (aggregate sequence number) introduced each version of a share.
create table share_version (
    share_id        varchar(64) not null references share_view (share_id),
    version         integer     not null,
    sequence_number bigint      not null,
    primary key (share_id, version)
);
