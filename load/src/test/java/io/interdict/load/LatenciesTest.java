package io.interdict.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    static Latencies millis(long... values) {
        Latencies latencies = new Latencies();
        for (long value : values) {
            latencies.add(value * 1_000_000);
        }
        return latencies;
    }

    @Test
    void percentilesAreNearestRankOverAllMergedClients() {
        Latencies first = millis(10, 1, 7, 3, 5);
        Latencies second = millis(2, 9, 4, 8, 6);

        Latencies all = Latencies.merge(List.of(first, second));

        assertThat(all.count()).isEqualTo(10);
        assertThat(all.percentileMillis(50)).isEqualTo(5.0);
        assertThat(all.percentileMillis(90)).isEqualTo(9.0);
        assertThat(all.percentileMillis(99)).isEqualTo(10.0);
        assertThat(all.percentileMillis(100)).isEqualTo(10.0);
        assertThat(all.percentileMillis(10)).isEqualTo(1.0);
    }

    @Test
    void theNinetyNinthPercentileOfAHundredIsTheNinetyNinthValue() {
        Latencies one = new Latencies();
        for (long i = 100; i >= 1; i--) {
            one.add(i * 1_000_000);
        }
        assertThat(Latencies.merge(List.of(one)).percentileMillis(99)).isEqualTo(99.0);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        Latencies many = new Latencies();
        for (int i = 0; i < 10_000; i++) {
            many.add(1_000_000);
        }
        assertThat(Latencies.merge(List.of(many)).percentileMillis(50)).isEqualTo(1.0);
    }

    @Test
    void noLatenciesGiveNoPercentile() {
        assertThat(Latencies.merge(List.of()).percentileMillis(50)).isNaN();
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> millis(1).percentileMillis(0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> millis(1).percentileMillis(101)).hasMessageContaining("found 101");
    }
}
