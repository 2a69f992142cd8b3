-- The gateway's notarisation keys, public parts only (PRODUCT.md §4: "keys are published as a JWK
-- set ... with validity windows"). A row is added when a node first signs with a key; rows are never
-- changed or removed, so records signed before a rotation keep verifying.
create table gateway_key (
    kid        varchar(128) not null primary key,
    public_x   varchar(64)  not null,
    valid_from timestamptz  not null
);

create trigger gateway_key_append_only
    before update or delete on gateway_key
    for each row execute function interdict_refuse_change();
