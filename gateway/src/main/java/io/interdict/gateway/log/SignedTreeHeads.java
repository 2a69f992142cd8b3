package io.interdict.gateway.log;

import io.interdict.audit.bundle.SignedTreeHead;
import io.interdict.audit.merkle.ConsistencyProofs;
import io.interdict.audit.merkle.Frontier;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The log as other features read it (the audit bundle export): signed tree heads in their wire form,
 * consistency proofs and the frontier of a size. Callers that need several answers to agree run
 * them in one read-only transaction; every row read here only ever gets inserted.
 */
@Component
public class SignedTreeHeads {

    private final MerkleLogStore store;
    private final JdbcTemplate jdbc;

    SignedTreeHeads(MerkleLogStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    public Optional<SignedTreeHead> latest() {
        return store.latestHead().map(SignedTreeHeads::wire);
    }

    public Optional<SignedTreeHead> ofSize(long treeSize) {
        return store.head(treeSize).map(SignedTreeHeads::wire);
    }

    /** The oldest head that commits to something (size at least 1). */
    public Optional<SignedTreeHead> earliestNonEmpty() {
        return jdbc.queryForList("select min(tree_size) from tree_head where tree_size > 0", Long.class).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .flatMap(this::ofSize);
    }

    /** RFC 9162 §2.1.4 proof between two sizes up to a signed head, {@code 0 < first <= second}. */
    public List<byte[]> consistencyProof(long first, long second) {
        return ConsistencyProofs.generate(first, second, store.subtreeHashes());
    }

    /** The perfect subtrees covering leaves {@code [0, treeSize)}. */
    public Frontier frontier(long treeSize) {
        return Frontier.load(treeSize, store.subtreeHashes());
    }

    private static SignedTreeHead wire(TreeHead head) {
        return new SignedTreeHead(
                head.treeSize(), head.rootHash(), TreeHeadPayload.timestamp(head.timestamp()), head.signature());
    }
}
