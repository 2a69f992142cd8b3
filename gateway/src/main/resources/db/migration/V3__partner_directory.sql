-- Read model: the partner directory (partners, their signing keys, sharing agreements), fed by the
-- pooled streaming processor "partner-directory" from Partner and SharingAgreement events.
-- Every handler is idempotent: a replay from the event store rebuilds exactly these rows.

create table partner (
    partner_id    varchar(64)  not null primary key,
    kind          varchar(32)  not null,
    display_name  varchar(200) not null,
    roles         varchar(32)[] not null,
    suspended     boolean      not null default false,
    enrolled_at   timestamptz  not null
);

create table partner_key (
    kid         varchar(128) not null primary key,
    partner_id  varchar(64)  not null references partner (partner_id),
    public_x    varchar(64)  not null,
    valid_from  timestamptz  not null,
    revoked_at  timestamptz,
    registered_at timestamptz not null
);
create index partner_key_partner_idx on partner_key (partner_id);

create table sharing_agreement (
    agreement_id varchar(64)  not null primary key,
    provider     varchar(64)  not null,
    recipient    varchar(64)  not null,
    kinds        varchar(32)[] not null,
    max_marking  varchar(20)  not null,
    valid_from   timestamptz  not null,
    valid_until  timestamptz,
    revoked_at   timestamptz,
    signed_at    timestamptz  not null
);
create index sharing_agreement_pair_idx on sharing_agreement (provider, recipient);
