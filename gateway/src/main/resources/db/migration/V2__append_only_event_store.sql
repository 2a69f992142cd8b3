-- PRODUCT.md §5: the event store is append-only at the database level too. Any UPDATE, DELETE or
-- TRUNCATE of domain_event_entry is refused, whoever asks; only a superuser who switches triggers
-- off (session_replication_role = replica) can get past, and the signed Merkle log detects that.

create function interdict_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception '% on %.% refused: the table is append-only', tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function interdict_refuse_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function interdict_refuse_change();
