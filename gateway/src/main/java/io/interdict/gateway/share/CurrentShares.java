package io.interdict.gateway.share;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.share.IntelligenceShareAmended;
import io.interdict.domain.share.IntelligenceShareAudienceExtended;
import io.interdict.domain.share.IntelligenceShareWithdrawn;
import io.interdict.domain.share.IntelligenceShared;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A share as its own event stream says it is now, for the decisions taken before a change: who may
 * see it (so that an invisible share is a 404), who provided it, and the kind, marking and audience
 * the agreements are checked against. Read from the event store, not the lagging read model, so a
 * provider can change a share it pushed a moment ago.
 */
@Component
class CurrentShares {

    /** The facts of a share after its latest event. */
    record CurrentShare(
            String shareId,
            String provider,
            RecordKind kind,
            Tlp marking,
            Set<String> audience,
            boolean withdrawn,
            int version) {}

    private final EventStore eventStore;

    CurrentShares(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<CurrentShare> find(String shareId) {
        if (shareId == null || shareId.isBlank() || shareId.length() > 64) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(shareId);
        CurrentShare share = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            if (event instanceof IntelligenceShared e) {
                share = new CurrentShare(
                        e.shareId(), e.provider(), e.kind(), e.marking(), e.audience(), false, e.version());
            } else if (share == null) {
                // Not a share's stream (a partner's or an agreement's id): no such share.
                return Optional.empty();
            } else if (event instanceof IntelligenceShareAmended e) {
                share = new CurrentShare(
                        share.shareId(),
                        share.provider(),
                        e.kind(),
                        e.marking(),
                        e.audience(),
                        share.withdrawn(),
                        e.version());
            } else if (event instanceof IntelligenceShareAudienceExtended e) {
                share = new CurrentShare(
                        share.shareId(),
                        share.provider(),
                        share.kind(),
                        share.marking(),
                        e.audience(),
                        share.withdrawn(),
                        share.version());
            } else if (event instanceof IntelligenceShareWithdrawn) {
                share = new CurrentShare(
                        share.shareId(),
                        share.provider(),
                        share.kind(),
                        share.marking(),
                        share.audience(),
                        true,
                        share.version());
            }
        }
        return Optional.ofNullable(share);
    }
}
