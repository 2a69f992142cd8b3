package io.interdict.gateway.log;

/** One row of {@code merkle_leaf}: which event is leaf {@code leafIndex}, and its leaf hash. */
record LogLeaf(long leafIndex, long globalIndex, String eventIdentifier, byte[] leafHash) {}
