package io.interdict.domain.share;

import static io.interdict.domain.common.ActorFixtures.AMAZON;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.share.ShareFixtures.SHARE_ID;
import static io.interdict.domain.share.ShareFixtures.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.CommandRun;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random command sequences against one share: after every step the whole history keeps the
 * invariants of PRODUCT.md §2 — versions contiguous from 1, marking never lowered, audience never
 * shrinking, only the provider acting, nothing after withdrawal — and every refusal is a domain
 * rule violation that adds no event.
 */
class IntelligenceShareProperties {

    private static final List<String> PARTNERS = List.of("cbp", "ipr-center", "dhl", "hsi");

    @Property(tries = 100)
    void everyHistoryKeepsTheShareInvariants(
            @ForAll("validContents") ShareContent first, @ForAll("commands") List<Object> commands) {
        List<Object> history = new ArrayList<>();
        CommandRun push = CommandRun.of(
                IntelligenceShare.class,
                clockAt(0),
                history,
                new PushIntelligenceShare(SHARE_ID, first, null, null, null, AMAZON));
        assertThat(push.accepted()).isTrue();
        history.addAll(push.events());
        assertInvariants(history);
        for (int step = 0; step < commands.size(); step++) {
            CommandRun run = CommandRun.of(IntelligenceShare.class, clockAt(step + 1), history, commands.get(step));
            if (run.accepted()) {
                history.addAll(run.events());
            } else {
                assertThat(run.refusal()).isInstanceOf(DomainRuleViolation.class);
                assertThat(run.refusal().getMessage()).containsAnyOf("expected", "; found ");
            }
            Statistics.label("step outcome")
                    .collect(commands.get(step).getClass().getSimpleName(), run.accepted() ? "accepted" : "refused");
            assertInvariants(history);
        }
    }

    static void assertInvariants(List<Object> history) {
        int version = 0;
        Tlp marking = Tlp.CLEAR;
        Set<String> audience = Set.of();
        boolean withdrawn = false;
        for (Object event : history) {
            assertThat(withdrawn).as("nothing follows a withdrawal: %s", event).isFalse();
            assertThat(((IntelligenceShareEvent) event).actor()).isEqualTo("amazon");
            ShareContent content = null;
            int eventVersion = 0;
            if (event instanceof IntelligenceShared shared) {
                assertThat(version).as("IntelligenceShared comes first").isZero();
                content = shared.content();
                eventVersion = shared.version();
            } else if (event instanceof IntelligenceShareAmended amended) {
                content = amended.content();
                eventVersion = amended.version();
            } else if (event instanceof IntelligenceShareAudienceExtended extended) {
                assertThat(extended.audience()).containsAll(audience).containsAll(extended.addedRecipients());
                audience = extended.audience();
            } else if (event instanceof IntelligenceShareWithdrawn) {
                withdrawn = true;
            }
            if (content != null) {
                assertThat(eventVersion).as("versions are contiguous").isEqualTo(version + 1);
                assertThat(content.marking().isMoreRestrictiveThan(marking) || content.marking() == marking)
                        .as("marking %s never lowered below %s", content.marking(), marking)
                        .isTrue();
                assertThat(content.audience()).as("audience never shrinks").containsAll(audience);
                assertThat(content.confidence()).isBetween(0, 100);
                version = eventVersion;
                marking = content.marking();
                audience = content.audience();
            }
        }
    }

    private static Clock clockAt(int step) {
        return Clock.fixed(NOW.plusSeconds(step), ZoneOffset.UTC);
    }

    @Provide
    Arbitrary<ShareContent> validContents() {
        return contents(0, 100);
    }

    /** Content with a confidence sometimes out of range, so that amendments are also refused for their values. */
    private static Arbitrary<ShareContent> contents(int minConfidence, int maxConfidence) {
        return Combinators.combine(
                        Arbitraries.of(RecordKind.class),
                        Arbitraries.of(Tlp.class),
                        audiences(),
                        Arbitraries.integers().between(minConfidence, maxConfidence))
                .as((kind, marking, audience, confidence) ->
                        new ShareContent(kind, marking, audience, SUBJECT, List.of(), confidence, List.of(), null));
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<Object> amend = Combinators.combine(contents(-5, 105), actors())
                .as((content, actor) -> new AmendIntelligenceShare(SHARE_ID, content, null, null, null, actor));
        Arbitrary<Object> extend = Combinators.combine(audiences(), actors())
                .as((recipients, actor) -> new ExtendShareAudience(SHARE_ID, recipients, actor));
        Arbitrary<Object> withdraw = Combinators.combine(Arbitraries.of("", "seller cleared"), actors())
                .as((reason, actor) -> new WithdrawIntelligenceShare(SHARE_ID, reason, actor));
        Arbitrary<Object> action = Combinators.combine(Arbitraries.of(ProviderActionType.class), actors())
                .as((type, actor) -> new RecordProviderAction(SHARE_ID, type, null, actor));
        return Arbitraries.frequencyOf(
                        Tuple.of(6, amend), Tuple.of(3, extend), Tuple.of(1, withdraw), Tuple.of(2, action))
                .list()
                .ofMaxSize(12);
    }

    private static Arbitrary<Set<String>> audiences() {
        return Arbitraries.of(PARTNERS).set().ofMaxSize(PARTNERS.size()).map(HashSet::new);
    }

    private static Arbitrary<Actor> actors() {
        return Arbitraries.frequency(Tuple.of(8, AMAZON), Tuple.of(1, DHL), Tuple.of(1, suspended(AMAZON)));
    }
}
