package io.interdict.domain.share;

/** A file kept by the provider, named by its SHA-256 digest (64 lowercase hex characters). */
public record Evidence(String sha256, String description) {}
