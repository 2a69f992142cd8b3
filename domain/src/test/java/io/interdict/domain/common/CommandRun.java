package io.interdict.domain.common;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Runs one command against an aggregate's history through {@link AggregateTestFixture} and reports
 * what happened, for property tests that drive random command sequences and check the whole
 * history after every step.
 */
public record CommandRun(List<Object> events, Throwable refusal) {

    public static <T> CommandRun of(Class<T> aggregateType, Clock clock, List<Object> history, Object command) {
        FixtureConfiguration<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerInjectableResource(clock);
        ResultValidator<T> result = history.isEmpty()
                ? fixture.givenNoPriorActivity().when(command)
                : fixture.given(history).when(command);
        Capture<Throwable> refusal = new Capture<>();
        try {
            result.expectException(refusal);
            return new CommandRun(List.of(), refusal.value);
        } catch (AxonAssertionError noExceptionThrown) {
            Capture<List<EventMessage<?>>> published = new Capture<>();
            result.expectEventsMatching(published);
            List<Object> payloads = new ArrayList<>();
            published.value.forEach(event -> payloads.add(event.getPayload()));
            return new CommandRun(List.copyOf(payloads), null);
        }
    }

    public boolean accepted() {
        return refusal == null;
    }

    /** A matcher that accepts anything and keeps it, to read results the fixture only offers to matchers. */
    private static final class Capture<V> extends BaseMatcher<V> {

        private V value;

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            value = (V) actual;
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything");
        }
    }
}
