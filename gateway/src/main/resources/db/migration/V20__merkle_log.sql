-- PRODUCT.md §5: the global Merkle log (RFC 9162 §2.1) over every event of domain_event_entry.
-- Written by one writer at a time (io.interdict.gateway.log.MerkleLogWriter, under a transaction-level
-- advisory lock); see ARCHITECTURE.md "Signing and log design" and docs/adr/0004.
-- All three tables only grow: UPDATE, DELETE and TRUNCATE are refused by interdict_refuse_change() (V2).

-- One row per leaf. leaf_index is gap-free (0, 1, 2, …) in append order; global_index names the event
-- (the event store's index may have gaps and is not the leaf index). leaf_hash is level 0 of the tree:
-- merkle_node does not repeat it.
create table merkle_leaf (
    leaf_index       bigint       not null primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null unique,
    leaf_hash        bytea        not null,
    appended_at      timestamptz  not null,
    constraint merkle_leaf_index_non_negative check (leaf_index >= 0),
    constraint merkle_leaf_hash_is_sha256 check (octet_length(leaf_hash) = 32)
);

-- Every complete perfect aligned subtree above the leaves: node (level, idx) is the MTH of leaves
-- [idx * 2^level, (idx + 1) * 2^level). Written once, when its last leaf arrives.
create table merkle_node (
    level int    not null,
    idx   bigint not null,
    hash  bytea  not null,
    constraint merkle_node_pkey primary key (level, idx),
    constraint merkle_node_level_above_leaves check (level between 1 and 62),
    constraint merkle_node_idx_non_negative check (idx >= 0),
    constraint merkle_node_hash_is_sha256 check (octet_length(hash) = 32)
);

-- Signed tree heads: signature is a detached compact JWS (RFC 7515 appendix F) over the RFC 8785 form
-- of {"rootHash", "timestamp", "treeSize"}; head_timestamp is whole milliseconds.
create table tree_head (
    tree_size      bigint      not null primary key,
    root_hash      bytea       not null,
    head_timestamp timestamptz not null,
    signature      text        not null,
    constraint tree_head_size_non_negative check (tree_size >= 0),
    constraint tree_head_root_is_sha256 check (octet_length(root_hash) = 32)
);

create trigger merkle_leaf_append_only
    before update or delete on merkle_leaf
    for each row execute function interdict_refuse_change();
create trigger merkle_leaf_no_truncate
    before truncate on merkle_leaf
    for each statement execute function interdict_refuse_change();

create trigger merkle_node_append_only
    before update or delete on merkle_node
    for each row execute function interdict_refuse_change();
create trigger merkle_node_no_truncate
    before truncate on merkle_node
    for each statement execute function interdict_refuse_change();

create trigger tree_head_append_only
    before update or delete on tree_head
    for each row execute function interdict_refuse_change();
create trigger tree_head_no_truncate
    before truncate on tree_head
    for each statement execute function interdict_refuse_change();
