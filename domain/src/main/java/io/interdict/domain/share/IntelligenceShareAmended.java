package io.interdict.domain.share;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** The provider amended a share: {@code version} is the new version, one more than the last, with its whole content; earlier versions stay in the history. */
@Revision("1")
public record IntelligenceShareAmended(
        String shareId,
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
