package io.interdict.domain.inspection;

import static io.interdict.domain.common.ActorFixtures.CBP;
import static io.interdict.domain.common.ActorFixtures.DHL;
import static io.interdict.domain.common.ActorFixtures.IPR_CENTER;
import static io.interdict.domain.common.ActorFixtures.NOW;
import static io.interdict.domain.common.ActorFixtures.suspended;
import static io.interdict.domain.inspection.InspectionFixtures.INSPECTION_ID;
import static io.interdict.domain.inspection.InspectionFixtures.SCHEDULED_FOR;
import static io.interdict.domain.inspection.InspectionFixtures.SHARE_ID;
import static io.interdict.domain.inspection.InspectionFixtures.SHIPMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.CommandRun;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random command sequences against one inspection request: after every step the history keeps the
 * rules of PRODUCT.md §2 — nothing after completion or cancellation, one acknowledgement and only by
 * the named carrier, schedule and completion only by a border authority, cancellation only by the
 * requester or a border authority — and every refusal is a domain rule violation that adds no event.
 */
class InspectionRequestProperties {

    private static final Actor OTHER_INVESTIGATOR = Actor.of("hsi", PartnerKind.INVESTIGATOR);

    @Property(tries = 100)
    void everyHistoryKeepsTheInspectionInvariants(@ForAll("commands") List<Object> commands) {
        List<Object> history = new ArrayList<>();
        CommandRun request = CommandRun.of(
                InspectionRequest.class,
                clockAt(0),
                history,
                new RequestInspection(
                        INSPECTION_ID,
                        "dhl",
                        SHIPMENT,
                        "USLAX",
                        "logo mismatch",
                        List.of(SHARE_ID),
                        InspectionPriority.URGENT,
                        IPR_CENTER));
        assertThat(request.accepted()).isTrue();
        history.addAll(request.events());
        assertInvariants(history);
        for (int step = 0; step < commands.size(); step++) {
            Object command = commands.get(step);
            CommandRun run = CommandRun.of(InspectionRequest.class, clockAt(step + 1), history, command);
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

    static void assertInvariants(List<Object> history) {
        assertThat(history.get(0)).isInstanceOf(InspectionRequested.class);
        String requester = ((InspectionRequested) history.get(0)).requestingAgency();
        boolean finished = false;
        int acknowledgements = 0;
        for (Object event : history.subList(1, history.size())) {
            assertThat(finished)
                    .as("a finished request accepts nothing, found %s", event)
                    .isFalse();
            assertThat(event).isNotInstanceOf(InspectionRequested.class);
            String actor = ((InspectionRequestEvent) event).actor();
            if (event instanceof InspectionAcknowledged) {
                acknowledgements++;
                assertThat(actor).isEqualTo("dhl");
            } else if (event instanceof InspectionScheduled) {
                assertThat(actor).isEqualTo("cbp");
            } else if (event instanceof InspectionCompleted) {
                assertThat(actor).isEqualTo("cbp");
                finished = true;
            } else if (event instanceof InspectionCancelled) {
                assertThat(actor).isIn(requester, "cbp");
                finished = true;
            }
        }
        assertThat(acknowledgements).isLessThanOrEqualTo(1);
    }

    private static Clock clockAt(int step) {
        return Clock.fixed(NOW.plusSeconds(step), ZoneOffset.UTC);
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<Actor> anyone = Arbitraries.of(DHL, CBP, IPR_CENTER, OTHER_INVESTIGATOR, suspended(CBP));
        Arbitrary<Object> acknowledge = Arbitraries.frequency(
                        Tuple.of(3, DHL), Tuple.of(1, CBP), Tuple.of(1, suspended(DHL)))
                .map(actor -> new AcknowledgeInspection(INSPECTION_ID, null, actor));
        Arbitrary<Object> schedule = Combinators.combine(
                        Arbitraries.of(SCHEDULED_FOR, SCHEDULED_FOR.plusSeconds(3600))
                                .injectNull(0.1),
                        anyone)
                .as((when, actor) -> new ScheduleInspection(INSPECTION_ID, when, null, actor));
        Arbitrary<Object> complete = Combinators.combine(
                        Arbitraries.of(InspectionResult.class).injectNull(0.1), anyone)
                .as((result, actor) -> new CompleteInspection(INSPECTION_ID, result, "findings", actor));
        Arbitrary<Object> cancel = Combinators.combine(Arbitraries.of("", "recalled"), anyone)
                .as((reason, actor) -> new CancelInspection(INSPECTION_ID, reason, actor));
        return Arbitraries.frequencyOf(
                        Tuple.of(3, acknowledge), Tuple.of(4, schedule), Tuple.of(2, complete), Tuple.of(2, cancel))
                .list()
                .ofMinSize(3)
                .ofMaxSize(12);
    }
}
