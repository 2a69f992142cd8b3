package io.interdict.domain.share;

import static io.interdict.domain.common.ActorFixtures.NOW;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The share of PRODUCT.md §8, and the events that tell its story. */
final class ShareFixtures {

    static final String SHARE_ID = "5d1e0000-0000-4000-8000-000000000001";
    static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SIGNATURE = "eyJhbGciOiJFZERTQSIsImtpZCI6ImFtYXpvbi0xIn0..3q2-";
    static final String KEY_ID = "amazon-1";
    /** The RFC 8785 text the provider signed; kept in the event so anyone can check the signature. */
    static final String SUBMITTED_BODY = "{\"kind\":\"COUNTERFEIT_PRODUCT\",\"marking\":\"TLP:AMBER\"}";

    static final Instant EXPIRES_AT = Instant.parse("2027-06-30T00:00:00Z");

    static final ShareSubject SUBJECT = new ShareSubject(
            "A3KX9Q1L0PZ",
            "B0CXY12345",
            "JD014600006281234567",
            null,
            null,
            "6403.99",
            "CN",
            "USLAX",
            "Northline Imports LLC");

    static final ShareContent CONTENT = new ShareContent(
            RecordKind.COUNTERFEIT_PRODUCT,
            Tlp.AMBER,
            Set.of("ipr-center", "cbp"),
            SUBJECT,
            List.of("price 80% under list", "logo mismatch"),
            85,
            List.of(new Evidence(DIGEST, "listing capture")),
            EXPIRES_AT);

    static final IntelligenceShared SHARED = shared(CONTENT);

    private ShareFixtures() {}

    static IntelligenceShared shared(ShareContent content) {
        return new IntelligenceShared(
                SHARE_ID,
                "amazon",
                1,
                content.kind(),
                content.marking(),
                content.audience(),
                content.subject(),
                content.indicators(),
                content.confidence(),
                content.evidence(),
                content.expiresAt(),
                SIGNATURE,
                KEY_ID,
                SUBMITTED_BODY,
                "amazon",
                NOW);
    }

    static IntelligenceShareAmended amended(int version, ShareContent content) {
        return new IntelligenceShareAmended(
                SHARE_ID,
                version,
                content.kind(),
                content.marking(),
                content.audience(),
                content.subject(),
                content.indicators(),
                content.confidence(),
                content.evidence(),
                content.expiresAt(),
                SIGNATURE,
                KEY_ID,
                SUBMITTED_BODY,
                "amazon",
                NOW);
    }

    static ShareContent withMarking(Tlp marking) {
        return new ShareContent(
                CONTENT.kind(),
                marking,
                CONTENT.audience(),
                CONTENT.subject(),
                CONTENT.indicators(),
                CONTENT.confidence(),
                CONTENT.evidence(),
                CONTENT.expiresAt());
    }

    static ShareContent withAudience(Set<String> audience) {
        return new ShareContent(
                CONTENT.kind(),
                CONTENT.marking(),
                audience,
                CONTENT.subject(),
                CONTENT.indicators(),
                CONTENT.confidence(),
                CONTENT.evidence(),
                CONTENT.expiresAt());
    }

    static ShareContent withConfidence(int confidence) {
        return new ShareContent(
                CONTENT.kind(),
                CONTENT.marking(),
                CONTENT.audience(),
                CONTENT.subject(),
                CONTENT.indicators(),
                confidence,
                CONTENT.evidence(),
                CONTENT.expiresAt());
    }

    static ShareContent withEvidence(List<Evidence> evidence) {
        return new ShareContent(
                CONTENT.kind(),
                CONTENT.marking(),
                CONTENT.audience(),
                CONTENT.subject(),
                CONTENT.indicators(),
                CONTENT.confidence(),
                evidence,
                CONTENT.expiresAt());
    }

    static ShareContent withSubject(ShareSubject subject) {
        return new ShareContent(
                CONTENT.kind(),
                CONTENT.marking(),
                CONTENT.audience(),
                subject,
                CONTENT.indicators(),
                CONTENT.confidence(),
                CONTENT.evidence(),
                CONTENT.expiresAt());
    }

    static ShareContent withExpiry(Instant expiresAt) {
        return new ShareContent(
                CONTENT.kind(),
                CONTENT.marking(),
                CONTENT.audience(),
                CONTENT.subject(),
                CONTENT.indicators(),
                CONTENT.confidence(),
                CONTENT.evidence(),
                expiresAt);
    }
}
