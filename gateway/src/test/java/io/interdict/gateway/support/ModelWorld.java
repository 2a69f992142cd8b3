package io.interdict.gateway.support;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.Tlp;
import io.interdict.gateway.security.PartnerTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * The partners and shares the inspection and investigation model checks play with: the demo
 * partners, plus a second carrier, a second border authority and a second investigator enrolled
 * through the admin API (with tokens signed by the development issuer's key), so that "the carrier
 * of the shipment", "every border authority" and "the lead agency" of PRODUCT.md §3 each tell
 * partners apart; and a pool of shares whose visibility the reference can state plainly.
 */
public final class ModelWorld {

    /** A partner that reads, with its kind and the scopes its token holds. */
    public record Reader(String id, PartnerKind kind, Set<String> scopes) {

        public boolean holdsAnyOf(String... wanted) {
            return Arrays.stream(wanted).anyMatch(scopes::contains);
        }
    }

    /**
     * A share of the pool. Its visibility is plain (no share of the pool is TLP:AMBER+STRICT or
     * TLP:RED, and the TLP:AMBER ones are only ever linked by a lead already in their audience, so
     * the investigation-link rule of §3 changes nothing).
     */
    public record PoolShare(String id, String provider, Tlp marking, Set<String> audience) {

        public boolean visibleTo(String partner) {
            return marking.isPublic() || provider.equals(partner) || audience.contains(partner);
        }
    }

    private static final Set<String> PROVIDER_SCOPES =
            Set.of("shares:write", "shares:read", "keys:manage", "investigations:read");

    public final String carrier2;
    public final String border2;
    public final String investigator2;
    /** Every reader, demo partners first. */
    public final Map<String, Reader> readers = new LinkedHashMap<>();
    /** Every partner enrolled as a border authority when the world was made (other tests enrol some). */
    public final List<String> borderAuthorities;

    public final List<PoolShare> shares = new ArrayList<>();

    private ModelWorld(LifecycleSteps steps, ApplicationContext context) {
        carrier2 = steps.enrol("carrier", PartnerKind.SIGNAL_PROVIDER, "[\"CARRIER\"]");
        border2 = steps.enrol("border", PartnerKind.BORDER_AUTHORITY, "[]");
        investigator2 = steps.enrol("investigator", PartnerKind.INVESTIGATOR, "[]");

        reader("amazon", PartnerKind.SIGNAL_PROVIDER, PROVIDER_SCOPES);
        reader("dhl", PartnerKind.SIGNAL_PROVIDER, plus(PROVIDER_SCOPES, "inspections:execute"));
        reader(
                "ipr-center",
                PartnerKind.INVESTIGATOR,
                Set.of("shares:read", "inspections:request", "investigations:write", "investigations:read"));
        reader(
                "cbp",
                PartnerKind.BORDER_AUTHORITY,
                Set.of("shares:read", "inspections:request", "inspections:execute"));
        reader("auditor", PartnerKind.AUDITOR, Set.of("audit:read", "shares:read", "investigations:read"));
        enrolledReader(context, carrier2, PartnerKind.SIGNAL_PROVIDER, plus(PROVIDER_SCOPES, "inspections:execute"));
        enrolledReader(
                context,
                border2,
                PartnerKind.BORDER_AUTHORITY,
                Set.of("shares:read", "inspections:request", "inspections:execute"));
        enrolledReader(
                context,
                investigator2,
                PartnerKind.INVESTIGATOR,
                Set.of("shares:read", "inspections:request", "investigations:write", "investigations:read"));

        borderAuthorities = List.copyOf(steps.borderAuthorities());
        // dhl's TLP:AMBER share reaches every border authority, so an agreement with each beyond the demo.
        Set<String> investigatorAndEveryBorderAuthority = new LinkedHashSet<>(List.of("ipr-center"));
        for (String border : borderAuthorities) {
            if (!border.equals("cbp")) {
                steps.signAgreement("dhl", border);
            }
            investigatorAndEveryBorderAuthority.add(border);
        }
        share(steps, "amazon", Tlp.GREEN, Set.of());
        share(steps, "dhl", Tlp.CLEAR, Set.of());
        share(steps, "amazon", Tlp.AMBER, Set.of("ipr-center", "cbp"));
        share(steps, "dhl", Tlp.AMBER, investigatorAndEveryBorderAuthority);
        share(steps, "amazon", Tlp.GREEN, Set.of());
    }

    public static ModelWorld create(LifecycleSteps steps, ApplicationContext context) {
        return new ModelWorld(steps, context);
    }

    public Reader reader(String id) {
        return readers.get(id);
    }

    private void reader(String id, PartnerKind kind, Set<String> scopes) {
        readers.put(id, new Reader(id, kind, scopes));
    }

    private void enrolledReader(ApplicationContext context, String id, PartnerKind kind, Set<String> scopes) {
        ApiClient.useToken(id, PartnerTokens.mint(context, id, scopes.toArray(String[]::new)));
        reader(id, kind, scopes);
    }

    private void share(LifecycleSteps steps, String provider, Tlp marking, Set<String> audience) {
        String id = steps.pushShare(
                provider,
                LifecycleSteps.share(
                        marking.label(), ApiClient.JSON.valueToTree(audience).toString()),
                null);
        shares.add(new PoolShare(id, provider, marking, audience));
    }

    private static Set<String> plus(Set<String> scopes, String scope) {
        Set<String> all = new LinkedHashSet<>(scopes);
        all.add(scope);
        return Set.copyOf(all);
    }
}
