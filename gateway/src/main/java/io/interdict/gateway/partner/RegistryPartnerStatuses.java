package io.interdict.gateway.partner;

import io.interdict.gateway.security.PartnerStatus;
import io.interdict.gateway.security.PartnerStatuses;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The security layer's view of partners, from each partner's own event stream: an enrolment, a
 * suspension or a reinstatement holds from the next request on, on every node. The profile read for
 * the caller stays with the request, for its handler ({@link PartnerRegistry#findCaller}).
 */
@Component
class RegistryPartnerStatuses implements PartnerStatuses {

    private final PartnerRegistry registry;

    RegistryPartnerStatuses(PartnerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<PartnerStatus> find(String partnerId) {
        return registry.findCaller(partnerId)
                .map(partner ->
                        new PartnerStatus(partner.partnerId(), partner.kind().name(), partner.suspended()));
    }
}
