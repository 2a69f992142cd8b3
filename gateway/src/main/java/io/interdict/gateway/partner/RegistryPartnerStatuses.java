package io.interdict.gateway.partner;

import io.interdict.gateway.security.PartnerStatus;
import io.interdict.gateway.security.PartnerStatuses;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The security layer's view of partners, from each partner's own event stream: an enrolment, a
 * suspension or a reinstatement holds from the next request on, on every node.
 */
@Component
class RegistryPartnerStatuses implements PartnerStatuses {

    private final PartnerRegistry registry;

    RegistryPartnerStatuses(PartnerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<PartnerStatus> find(String partnerId) {
        return registry.find(partnerId)
                .map(partner ->
                        new PartnerStatus(partner.partnerId(), partner.kind().name(), partner.suspended()));
    }
}
