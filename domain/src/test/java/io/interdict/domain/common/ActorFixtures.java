package io.interdict.domain.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** The demo partners of PRODUCT.md §6 as actors, and the fixed clock every aggregate test uses. */
public final class ActorFixtures {

    public static final Instant NOW = Instant.parse("2026-11-30T09:12:44Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final Actor OPERATOR = Actor.of("operator", PartnerKind.OPERATOR);
    public static final Actor AMAZON =
            new Actor("amazon", PartnerKind.SIGNAL_PROVIDER, Set.of(PartnerRole.MARKETPLACE), false);
    public static final Actor DHL = new Actor("dhl", PartnerKind.SIGNAL_PROVIDER, Set.of(PartnerRole.CARRIER), false);
    public static final Actor IPR_CENTER = Actor.of("ipr-center", PartnerKind.INVESTIGATOR);
    public static final Actor CBP = Actor.of("cbp", PartnerKind.BORDER_AUTHORITY);
    public static final Actor AUDITOR = Actor.of("auditor", PartnerKind.AUDITOR);

    private ActorFixtures() {}

    public static Actor suspended(Actor actor) {
        return new Actor(actor.partnerId(), actor.kind(), actor.roles(), true);
    }
}
