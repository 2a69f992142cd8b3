package io.interdict.gateway.log;

import io.interdict.audit.merkle.ConsistencyProofs;
import io.interdict.audit.merkle.InclusionProofs;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log's public face (PRODUCT.md §6, wire formats §8): signed tree heads, RFC 9162 §2.1.3
 * inclusion and §2.1.4 consistency proofs, hashes in standard base64. Proofs are only given for
 * sizes up to the latest signed tree head, the size an auditor can hold the log to.
 */
@RestController
@RequestMapping("/api/v1/log")
class LogController {

    record TreeHeadView(long treeSize, String rootHash, String timestamp, String signature) {

        static TreeHeadView of(TreeHead head) {
            return new TreeHeadView(
                    head.treeSize(),
                    TreeHeadPayload.base64(head.rootHash()),
                    TreeHeadPayload.timestamp(head.timestamp()),
                    head.signature());
        }
    }

    record InclusionProofView(long leafIndex, long treeSize, List<String> auditPath) {}

    record ConsistencyProofView(long first, long second, List<String> consistencyPath) {}

    record LeafView(long leafIndex, long globalIndex, String eventIdentifier, String leafHash) {}

    private final MerkleLogStore store;
    private final TransactionTemplate readOnly;

    LogController(MerkleLogStore store, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/tree-head")
    TreeHeadView treeHead(@RequestParam(name = "treeSize", required = false) String treeSize) {
        if (treeSize == null) {
            return TreeHeadView.of(latestHead());
        }
        long size = nonNegative("treeSize", treeSize);
        return store.head(size)
                .map(TreeHeadView::of)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_FOUND, "no tree head was signed for treeSize " + size));
    }

    @GetMapping("/proof/inclusion")
    InclusionProofView inclusionProof(
            @RequestParam(name = "index", required = false) String index,
            @RequestParam(name = "treeSize", required = false) String treeSize) {
        long leafIndex = nonNegative("index", index);
        long size = nonNegative("treeSize", treeSize);
        requireSigned("treeSize", size);
        if (leafIndex >= size) {
            throw badRequest("index must be below treeSize, got index " + leafIndex + " and treeSize " + size);
        }
        List<byte[]> path =
                readOnly.execute(status -> InclusionProofs.generate(leafIndex, size, store.subtreeHashes()));
        return new InclusionProofView(leafIndex, size, base64(path));
    }

    @GetMapping("/proof/consistency")
    ConsistencyProofView consistencyProof(
            @RequestParam(name = "first", required = false) String first,
            @RequestParam(name = "second", required = false) String second) {
        long firstSize = nonNegative("first", first);
        long secondSize = nonNegative("second", second);
        if (firstSize == 0) {
            throw badRequest("first must be at least 1: the empty tree commits to nothing, so there is nothing to"
                    + " prove consistent");
        }
        if (firstSize > secondSize) {
            throw badRequest("first must not exceed second (a log never shrinks), got first " + firstSize
                    + " and second " + secondSize);
        }
        requireSigned("second", secondSize);
        List<byte[]> path =
                readOnly.execute(status -> ConsistencyProofs.generate(firstSize, secondSize, store.subtreeHashes()));
        return new ConsistencyProofView(firstSize, secondSize, base64(path));
    }

    @GetMapping("/leaves/{leafIndex}")
    LeafView leaf(@PathVariable("leafIndex") String leafIndex) {
        long index = nonNegative("leafIndex", leafIndex);
        return store.leaf(index)
                .map(leaf -> new LeafView(
                        leaf.leafIndex(),
                        leaf.globalIndex(),
                        leaf.eventIdentifier(),
                        TreeHeadPayload.base64(leaf.leafHash())))
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_FOUND, "leaf " + index + " is not in the log (yet)"));
    }

    private TreeHead latestHead() {
        return store.latestHead()
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.NOT_FOUND, "no tree head has been signed yet; the log writer signs one shortly"));
    }

    private void requireSigned(String parameter, long size) {
        long signed = latestHead().treeSize();
        if (size > signed) {
            throw badRequest(
                    parameter + " must not exceed the latest signed tree head's size " + signed + ", got " + size);
        }
    }

    /** Parses a query or path parameter, naming it (but never echoing the raw input) when refused. */
    private static long nonNegative(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            throw badRequest("parameter '" + parameter + "' is required: a non-negative integer");
        }
        if (value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badRequest("parameter '" + parameter + "' must be a non-negative decimal integer");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw badRequest("parameter '" + parameter + "' must be at most " + Long.MAX_VALUE);
        }
    }

    private static ApiProblemException badRequest(String detail) {
        return new ApiProblemException(ApiProblem.MALFORMED_REQUEST, detail);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(TreeHeadPayload::base64).toList();
    }
}
