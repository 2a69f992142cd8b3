package io.interdict.gateway.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PartnerStatuses} held in memory: the default until the partner read model provides the
 * real one ({@link DefaultPartnerStatusesConfiguration}), and the way tests enrol and suspend
 * partners.
 */
public class InMemoryPartnerStatuses implements PartnerStatuses {

    private final Map<String, PartnerStatus> statuses = new ConcurrentHashMap<>();

    @Override
    public Optional<PartnerStatus> find(String partnerId) {
        return Optional.ofNullable(statuses.get(partnerId));
    }

    /** Enrols a partner, or replaces what is known about it. */
    public void put(PartnerStatus status) {
        statuses.put(status.partnerId(), status);
    }

    public void remove(String partnerId) {
        statuses.remove(partnerId);
    }
}
