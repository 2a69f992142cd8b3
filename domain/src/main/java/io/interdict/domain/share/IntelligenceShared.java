package io.interdict.domain.share;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A provider pushed a share: version 1, with its whole content flat in the payload (PRODUCT.md §8). */
@Revision("1")
public record IntelligenceShared(
        String shareId,
        String provider,
        int version,
        RecordKind kind,
        Tlp marking,
        Set<String> audience,
        ShareSubject subject,
        List<String> indicators,
        int confidence,
        List<Evidence> evidence,
        Instant expiresAt,
        String submitterSignature,
        String submitterKeyId,
        String submittedBody,
        String actor,
        Instant occurredAt)
        implements IntelligenceShareEvent {

    /** The content of this version, as the provider sent it. */
    public ShareContent content() {
        return new ShareContent(kind, marking, audience, subject, indicators, confidence, evidence, expiresAt);
    }
}
