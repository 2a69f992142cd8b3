package io.interdict.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitWarmupTest {

    private static final Duration ROUND = Duration.ofSeconds(10);

    /** A fake gateway: each round advances the clock by ten seconds and the compilers by the next figure. */
    private static final class Gateway {
        final AtomicLong nanos = new AtomicLong();
        final AtomicInteger rounds = new AtomicInteger();
        final Deque<Double> compileMillisPerRound;
        double compiledMillis;

        Gateway(List<Double> compileMillisPerRound) {
            this.compileMillisPerRound = new ArrayDeque<>(compileMillisPerRound);
        }

        JitWarmup.Outcome warmUp(Duration min, Duration max, boolean publishes) throws Exception {
            return JitWarmup.run(
                    () -> publishes ? OptionalDouble.of(compiledMillis) : OptionalDouble.empty(),
                    min,
                    max,
                    ROUND,
                    length -> {
                        rounds.incrementAndGet();
                        nanos.addAndGet(length.toNanos());
                        compiledMillis += compileMillisPerRound.isEmpty() ? 0 : compileMillisPerRound.poll();
                    },
                    nanos::get);
        }
    }

    @Test
    void warmUpGoesOnPastTheMinimumWhileTheCompilersAreBusy() throws Exception {
        // 9 s, 6 s, 2 s, then 0.3 s of compilation per 10 s round: settled in the fourth round.
        Gateway gateway = new Gateway(List.of(9_000.0, 6_000.0, 2_000.0, 300.0, 0.0));

        JitWarmup.Outcome outcome = gateway.warmUp(Duration.ofSeconds(20), Duration.ofSeconds(300), true);

        assertThat(gateway.rounds).hasValue(4);
        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.took()).isEqualTo(Duration.ofSeconds(40));
        assertThat(outcome.lastCompilerShare())
                .hasValueSatisfying(share -> assertThat(share).isEqualTo(0.03));
    }

    @Test
    void warmUpLastsAtLeastTheMinimumEvenWhenTheCompilersAreIdle() throws Exception {
        Gateway gateway = new Gateway(List.of(0.0, 0.0, 0.0, 0.0));

        JitWarmup.Outcome outcome = gateway.warmUp(Duration.ofSeconds(30), Duration.ofSeconds(300), true);

        assertThat(gateway.rounds).hasValue(3);
        assertThat(outcome.settled()).isTrue();
    }

    @Test
    void warmUpStopsAtTheMaximumAndSaysItDidNotSettle() throws Exception {
        Gateway gateway = new Gateway(List.of(5_000.0, 5_000.0, 5_000.0, 5_000.0, 5_000.0, 5_000.0));

        JitWarmup.Outcome outcome = gateway.warmUp(Duration.ofSeconds(10), Duration.ofSeconds(50), true);

        assertThat(gateway.rounds).hasValue(5);
        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.describe()).contains("not settled").contains("50.0 %");
    }

    @Test
    void aGatewayWithoutTheMetricGetsTheMinimumOnly() throws Exception {
        Gateway gateway = new Gateway(List.of(9_000.0, 9_000.0, 9_000.0, 9_000.0));

        JitWarmup.Outcome outcome = gateway.warmUp(Duration.ofSeconds(20), Duration.ofSeconds(300), false);

        assertThat(gateway.rounds).hasValue(2);
        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.describe()).contains("publishes no compilation time");
    }
}
