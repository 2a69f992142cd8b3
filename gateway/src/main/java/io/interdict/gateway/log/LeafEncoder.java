package io.interdict.gateway.log;

/**
 * The bytes of the Merkle leaf for one stored event (PRODUCT.md §5: the UTF-8 of the JCS form of
 * the signed record). The writer hashes them with {@code MerkleHashes.hashLeaf}.
 *
 * <p>Called by the single log writer inside its append transaction, in global-index order, at most
 * once per event in a committed round; a round that fails is retried, so the result must depend only
 * on the event (deterministic) and the call must not have side effects. Throwing fails the whole
 * round: nothing is appended until the encoder can encode the event.
 */
public interface LeafEncoder {

    byte[] leafBytes(StoredEvent event);
}
