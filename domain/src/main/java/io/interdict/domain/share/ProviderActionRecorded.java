package io.interdict.domain.share;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider recorded an action it took on the strength of the share. */
@Revision("1")
public record ProviderActionRecorded(
        String shareId, ProviderActionType actionType, String details, String actor, Instant occurredAt)
        implements IntelligenceShareEvent {}
