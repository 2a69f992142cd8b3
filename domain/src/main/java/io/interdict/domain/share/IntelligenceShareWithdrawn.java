package io.interdict.domain.share;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider withdrew the share; it accepts no further change. */
@Revision("1")
public record IntelligenceShareWithdrawn(String shareId, String reason, String actor, Instant occurredAt)
        implements IntelligenceShareEvent {}
