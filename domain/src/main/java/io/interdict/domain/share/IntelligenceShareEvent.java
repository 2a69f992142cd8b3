package io.interdict.domain.share;

import io.interdict.domain.common.DomainEvent;

/** The events of the {@link IntelligenceShare} aggregate. */
public sealed interface IntelligenceShareEvent extends DomainEvent
        permits IntelligenceShared,
                IntelligenceShareAmended,
                IntelligenceShareAudienceExtended,
                IntelligenceShareWithdrawn,
                ProviderActionRecorded {

    String shareId();
}
