package io.interdict.domain.share;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** The provider added recipients; {@code audience} is the whole audience afterwards. */
@Revision("1")
public record IntelligenceShareAudienceExtended(
        String shareId, Set<String> addedRecipients, Set<String> audience, String actor, Instant occurredAt)
        implements IntelligenceShareEvent {}
