package io.interdict.domain.share;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One version of a share: everything the provider states (PRODUCT.md §2, §8). {@code expiresAt} is null when the share does not expire. */
public record ShareContent(
        RecordKind kind,
        Tlp marking,
        Set<String> audience,
        ShareSubject subject,
        List<String> indicators,
        int confidence,
        List<Evidence> evidence,
        Instant expiresAt) {}
