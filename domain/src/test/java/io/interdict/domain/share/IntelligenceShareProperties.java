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

    @Property(tries = 80)
    void everyHistoryKeepsTheShareInvariants(
            @ForAll("validContents") ShareContent first, @ForAll("steps") List<Step> steps) {
        List<Object> history = new ArrayList<>();
        CommandRun push = CommandRun.of(
                IntelligenceShare.class,
                clockAt(0),
                history,
                new PushIntelligenceShare(SHARE_ID, first, null, null, null, AMAZON));
        assertThat(push.accepted()).isTrue();
        history.addAll(push.events());
        assertInvariants(history);
        for (int index = 0; index < steps.size(); index++) {
            Object command = steps.get(index).command(currentContent(history));
            CommandRun run = CommandRun.of(IntelligenceShare.class, clockAt(index + 1), history, command);
            if (run.accepted()) {
                assertThat(run.events()).hasSize(1);
                history.addAll(run.events());
            } else {
                assertThat(run.refusal()).isInstanceOf(DomainRuleViolation.class);
                assertThat(run.refusal().getMessage()).containsAnyOf("expected", "; found ");
            }
            Statistics.label("step outcome")
                    .collect(command.getClass().getSimpleName(), run.accepted() ? "accepted" : "refused");
            assertInvariants(history);
        }
    }

    /**
     * One random step, turned into a command against the share as it stands, so that amendments and
     * extensions are often plausible and sometimes break a rule on purpose.
     */
    sealed interface Step {
        Object command(ShareContent current);
    }

    /** Shifts the marking by {@code markingShift} steps and adds recipients; may drop one on purpose. */
    record Amend(int markingShift, Set<String> added, boolean dropOne, int confidence, Actor actor) implements Step {
        @Override
        public Object command(ShareContent current) {
            Tlp[] markings = Tlp.values();
            int shifted =
                    Math.max(0, Math.min(markings.length - 1, current.marking().ordinal() + markingShift));
            Set<String> audience = new HashSet<>(current.audience());
            audience.addAll(added);
            if (dropOne && !current.audience().isEmpty()) {
                audience.remove(current.audience().iterator().next());
            }
            ShareContent next = new ShareContent(
                    current.kind(),
                    markings[shifted],
                    audience,
                    current.subject(),
                    current.indicators(),
                    confidence,
                    current.evidence(),
                    current.expiresAt());
            return new AmendIntelligenceShare(SHARE_ID, next, null, null, null, actor);
        }
    }

    /** Adds recipients; unless {@code repeatCurrent}, those already in the audience are left out. */
    record Extend(Set<String> recipients, boolean repeatCurrent, Actor actor) implements Step {
        @Override
        public Object command(ShareContent current) {
            Set<String> added = new HashSet<>(recipients);
            if (!repeatCurrent) {
                added.removeAll(current.audience());
            }
            return new ExtendShareAudience(SHARE_ID, added, actor);
        }
    }

    record Withdraw(String reason, Actor actor) implements Step {
        @Override
        public Object command(ShareContent current) {
            return new WithdrawIntelligenceShare(SHARE_ID, reason, actor);
        }
    }

    record Act(ProviderActionType type, Actor actor) implements Step {
        @Override
        public Object command(ShareContent current) {
            return new RecordProviderAction(SHARE_ID, type, null, actor);
        }
    }

    /** The latest version with the audience as extended since. */
    private static ShareContent currentContent(List<Object> history) {
        ShareContent content = null;
        for (Object event : history) {
            if (event instanceof IntelligenceShared shared) {
                content = shared.content();
            } else if (event instanceof IntelligenceShareAmended amended) {
                content = amended.content();
            } else if (event instanceof IntelligenceShareAudienceExtended extended) {
                content = new ShareContent(
                        content.kind(),
                        content.marking(),
                        extended.audience(),
                        content.subject(),
                        content.indicators(),
                        content.confidence(),
                        content.evidence(),
                        content.expiresAt());
            }
        }
        return content;
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
        return Combinators.combine(
                        Arbitraries.of(RecordKind.class),
                        Arbitraries.of(Tlp.class),
                        audiences(),
                        Arbitraries.integers().between(0, 100))
                .as((kind, marking, audience, confidence) ->
                        new ShareContent(kind, marking, audience, SUBJECT, List.of(), confidence, List.of(), null));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> amend = Combinators.combine(
                        Arbitraries.integers().between(-1, 2),
                        audiences(),
                        Arbitraries.of(true, false, false, false),
                        Arbitraries.integers().between(-5, 105),
                        actors())
                .as(Amend::new);
        Arbitrary<Step> extend = Combinators.combine(audiences(), Arbitraries.of(true, false, false), actors())
                .as(Extend::new);
        Arbitrary<Step> withdraw = Combinators.combine(Arbitraries.of("", "seller cleared"), actors())
                .as(Withdraw::new);
        Arbitrary<Step> act = Combinators.combine(Arbitraries.of(ProviderActionType.class), actors())
                .as(Act::new);
        return Arbitraries.frequencyOf(Tuple.of(6, amend), Tuple.of(3, extend), Tuple.of(1, withdraw), Tuple.of(2, act))
                .list()
                .ofMinSize(3)
                .ofMaxSize(15);
    }

    private static Arbitrary<Set<String>> audiences() {
        return Arbitraries.of(PARTNERS).set().ofMaxSize(PARTNERS.size()).map(HashSet::new);
    }

    private static Arbitrary<Actor> actors() {
        return Arbitraries.frequency(Tuple.of(8, AMAZON), Tuple.of(1, DHL), Tuple.of(1, suspended(AMAZON)));
    }
}
