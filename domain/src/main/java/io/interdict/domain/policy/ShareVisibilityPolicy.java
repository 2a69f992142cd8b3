package io.interdict.domain.policy;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.Tlp;
import java.util.Set;

/**
 * A plain reference implementation of PRODUCT.md §3 for shares: deny by default, and otherwise the
 * first rule that lets the reader see the share, in the order auditor, provider, audience, public
 * marking, investigation link. Withdrawal hides nothing: the audience sees the withdrawal.
 */
public final class ShareVisibilityPolicy {

    /** Who is reading, as the gateway's partner read model knows it at the time of the request. */
    public record Reader(String partnerId, PartnerKind kind, boolean suspended, boolean enrolled) {}

    /** The share as it stands at the time of the request. */
    public record ShareFacts(String provider, Tlp marking, Set<String> audience, boolean withdrawn) {}

    /** Whether the reader sees the share, and by which rule. */
    public record Visibility(boolean visible, VisibilityRule rule) {

        static Visibility by(VisibilityRule rule) {
            return new Visibility(rule != VisibilityRule.NOT_VISIBLE, rule);
        }
    }

    /**
     * @param linkingInvestigationsLedByReader ids of the investigations led by the reader that linked
     *     the share as evidence (empty or null when none)
     */
    public Visibility decide(Reader reader, ShareFacts share, Set<String> linkingInvestigationsLedByReader) {
        if (!reader.enrolled() || reader.suspended()) {
            return Visibility.by(VisibilityRule.NOT_VISIBLE);
        }
        if (reader.kind() == PartnerKind.AUDITOR) {
            return Visibility.by(VisibilityRule.AUDITOR);
        }
        if (reader.partnerId().equals(share.provider())) {
            return Visibility.by(VisibilityRule.PROVIDER);
        }
        if (share.audience() != null && share.audience().contains(reader.partnerId())) {
            return Visibility.by(VisibilityRule.AUDIENCE);
        }
        if (share.marking().isPublic()) {
            return Visibility.by(VisibilityRule.PUBLIC_MARKING);
        }
        if (share.marking() == Tlp.AMBER
                && linkingInvestigationsLedByReader != null
                && !linkingInvestigationsLedByReader.isEmpty()) {
            return Visibility.by(VisibilityRule.INVESTIGATION_LINK);
        }
        return Visibility.by(VisibilityRule.NOT_VISIBLE);
    }
}
