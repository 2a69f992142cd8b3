package io.interdict.audit.record;

/** Which of a record's two signatures a finding is about. */
public enum SignatureRole {
    /** {@code gatewaySignature}: the notarisation over the envelope, by a key owned by "gateway". */
    GATEWAY,
    /** {@code submitterSignature}: the provider's signature over its pushed body, by a key of {@code partner}. */
    SUBMITTER
}
