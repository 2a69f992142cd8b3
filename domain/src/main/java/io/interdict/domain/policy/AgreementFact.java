package io.interdict.domain.policy;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.Set;

/**
 * A sharing agreement as the gateway's read model knows it: {@code validUntil} is null for an
 * open-ended agreement, {@code revokedAt} null while it is not revoked.
 */
public record AgreementFact(
        String agreementId,
        String provider,
        String recipient,
        Set<RecordKind> kinds,
        Tlp maxMarking,
        Instant validFrom,
        Instant validUntil,
        Instant revokedAt) {

    /** In force at {@code at}: begun, not yet ended, not yet revoked. The end instants are exclusive. */
    public boolean inForceAt(Instant at) {
        return !validFrom.isAfter(at)
                && (validUntil == null || at.isBefore(validUntil))
                && (revokedAt == null || at.isBefore(revokedAt));
    }

    /** Lets {@code provider} name {@code recipient} on a share of this kind and marking. */
    public boolean covers(String provider, String recipient, RecordKind kind, Tlp marking) {
        return this.provider.equals(provider)
                && this.recipient.equals(recipient)
                && kinds.contains(kind)
                && !marking.isMoreRestrictiveThan(maxMarking);
    }
}
