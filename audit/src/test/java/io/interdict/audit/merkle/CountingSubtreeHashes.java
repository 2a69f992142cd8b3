package io.interdict.audit.merkle;

/** Counts reads, to hold proof generation to its O(log n) budget. */
final class CountingSubtreeHashes implements SubtreeHashes {

    private final SubtreeHashes delegate;
    private long reads;

    CountingSubtreeHashes(SubtreeHashes delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] hash(int level, long index) {
        reads++;
        return delegate.hash(level, index);
    }

    long readsSinceReset() {
        long value = reads;
        reads = 0;
        return value;
    }
}
