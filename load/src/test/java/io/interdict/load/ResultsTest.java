package io.interdict.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @TempDir
    Path dir;

    static Results sample(double pushRate) {
        Results results = new Results();
        Figure baseline = results.add(Figure.plain("baselineA.t4", 4000, "rows/s", null));
        results.add(Figure.ratio("push.c4.throughput", pushRate, "shares/s", baseline, 0.25, null));
        results.add(Figure.below("push.c4.p99", 42.5, "ms", 50, null));
        results.add(Figure.atLeast("feed.throughput", 18_000, "records/s", 20_000, null));
        return results;
    }

    @Test
    void aRatioIsTheValueOverItsBaselineAndMeetsItsTargetAtTheThreshold() {
        Results results = sample(1000);

        Figure push = results.get("push.c4.throughput");
        assertThat(push.ratio()).isEqualTo(0.25);
        assertThat(push.baseline()).isEqualTo("baselineA.t4");
        assertThat(push.target()).isEqualTo("ratio >= 0.25");
        assertThat(push.met()).isTrue();
        assertThat(sample(999).get("push.c4.throughput").met()).isFalse();
    }

    @Test
    void absoluteTargetsCompareTheValue() {
        Results results = sample(1000);
        assertThat(results.get("push.c4.p99").met()).isTrue();
        assertThat(results.get("push.c4.p99").target()).isEqualTo("< 50.0 ms");
        assertThat(results.get("feed.throughput").met()).isFalse();
        assertThat(results.get("baselineA.t4").met()).isNull();
    }

    @Test
    void figuresSurviveAJsonRoundTripForALaterComparison() throws IOException {
        Results results = sample(1000);
        results.conditions().put("processors", 2);
        Path file = dir.resolve("sub/run.json");

        results.write(file);
        Map<String, Figure> read = Results.read(file);

        assertThat(read.values()).containsExactlyElementsOf(results.figures());
        assertThat(Files.readString(file)).contains("\"format\" : \"interdict-bench/1\"", "\"processors\" : 2");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> Results.read(file)).hasMessageContaining("expected format interdict-bench/1");
    }

    @Test
    void theTableShowsRatioTargetAndTheChangeSinceThePreviousRun() {
        Map<String, Figure> previous = Map.of("push.c4.throughput", sample(800).get("push.c4.throughput"));

        String table = sample(1000).table(previous);

        assertThat(table.lines().findFirst().orElseThrow())
                .contains("figure", "value", "unit", "ratio", "baseline", "target", "met", "previous", "change");
        assertThat(table).containsPattern("push\\.c4\\.throughput +\\| +1,000 \\| shares/s +\\| +0\\.250 \\|");
        assertThat(table).contains("+25 %");
        assertThat(table).containsPattern("feed\\.throughput .*\\| NO ");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(LoadDriver.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(LoadDriver.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
