package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.ocr.CardSide;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyComparisonTest {

    private static final String CURRENT = "local PP-OCRv4", ONE_THREAD = "local PP-OCRv4, 1 thread",
            BASELINE = "local PP-OCRv4 (baseline f284aa1)";

    @Test
    void shouldSayTheChangeOfTheCleanP50AgainstTheLimit() {
        assertThat(LatencyComparison.comparisonLine(203.4, 195.0))
                .isEqualTo("clean p50: current 203 ms vs baseline 195 ms (+4.3%, limit +25%): within the limit");
        assertThat(LatencyComparison.comparisonLine(180.0, 200.0))
                .isEqualTo("clean p50: current 180 ms vs baseline 200 ms (-10.0%, limit +25%): within the limit");
        assertThat(LatencyComparison.comparisonLine(250.2, 200.0))
                .isEqualTo("clean p50: current 250 ms vs baseline 200 ms (+25.1%, limit +25%): over the limit");
    }

    @Test
    void shouldJudgeTheLimitOnTheUnroundedP50s() {
        // Given p50s 24.97% apart, which round to 244 and 195 ms (+25.1% if recomputed from the rounded values)
        assertThat(LatencyComparison.comparisonLine(243.7, 195.0))
                .isEqualTo("clean p50: current 244 ms vs baseline 195 ms (+25.0%, limit +25%): within the limit");
    }

    @Test
    void shouldRefuseABaselineP50OfZero() {
        assertThatThrownBy(() -> LatencyComparison.comparisonLine(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected p50s with baseline > 0 and current >= 0 but were 0.0 and 10.0");
    }

    @Test
    void shouldGiveEachEngineItsCleanCardLineAndCompareTheLocalEnginesPerSetAndVariant() {
        // Given the current run (local and local-1t) and the baseline run (local) on one dev side and three clean
        // and one photo synthetic sides
        List<Sample> current = List.of(
                sample("local", CURRENT, "dev", "scan", 150, 300, 6, 6),
                sample("local", CURRENT, "synthetic", "clean", 200, 400, 6, 6),
                sample("local", CURRENT, "synthetic", "clean", 100, 200, 6, 6),
                sample("local", CURRENT, "synthetic", "clean", 300, 600, 5, 6),
                sample("local", CURRENT, "synthetic", "photo", 400, 800, 6, 6),
                sample("local-1t", ONE_THREAD, "synthetic", "clean", 280, 280, 6, 6));
        List<Sample> baseline = List.of(
                sample("local", BASELINE, "dev", "scan", 140, 280, 6, 6),
                sample("local", BASELINE, "synthetic", "clean", 160, 300, 6, 6),
                sample("local", BASELINE, "synthetic", "clean", 150, 300, 6, 6),
                sample("local", BASELINE, "synthetic", "clean", 170, 300, 6, 6),
                sample("local", BASELINE, "synthetic", "photo", 200, 400, 4, 6));

        // When the section is written
        String markdown = LatencyComparison.markdown(current, baseline);

        // Then every engine has its clean-card line, the local engines are compared, overall and per variant
        assertThat(markdown).isEqualTo("""

                Clean-card latency (issue 10; set synthetic, variant clean; p50 of wall time per side):

                - clean-card p50: local PP-OCRv4 200 ms (3 sides)
                - clean-card p50: local PP-OCRv4, 1 thread 280 ms (1 side)
                - clean-card p50: local PP-OCRv4 (baseline f284aa1) 160 ms (3 sides)
                - clean p50: current 200 ms vs baseline 160 ms (+25.0%, limit +25%): within the limit

                Current (local PP-OCRv4) against baseline (local PP-OCRv4 (baseline f284aa1)), same images, per set\
                 and variant (p50 ms, change of p50, CPU ms per side, all fields exact / expected):

                | set | variant | sides | current p50 | baseline p50 | change | current CPU | baseline CPU | current\
                 fields | baseline fields |
                |---|---|---|---|---|---|---|---|---|---|
                | dev | (all) | 1 | 150 | 140 | +7% | 300 | 280 | 6/6 | 6/6 |
                | dev | scan | 1 | 150 | 140 | +7% | 300 | 280 | 6/6 | 6/6 |
                | synthetic | (all) | 4 | 200 | 160 | +25% | 500 | 325 | 23/24 | 22/24 |
                | synthetic | clean | 3 | 200 | 160 | +25% | 400 | 300 | 17/18 | 18/18 |
                | synthetic | photo | 1 | 400 | 200 | +100% | 800 | 400 | 6/6 | 4/6 |
                """);
    }

    @Test
    void shouldGiveOnlyTheCleanCardLinesWithoutABaseline() {
        List<Sample> current = List.of(sample("local", CURRENT, "synthetic", "clean", 190, 380, 6, 6),
                sample("tesseract", "Tesseract 5 chi_sim", "dev", "scan", 300, 300, 1, 6));

        assertThat(LatencyComparison.markdown(current, List.of())).isEqualTo("""

                Clean-card latency (issue 10; set synthetic, variant clean; p50 of wall time per side):

                - clean-card p50: local PP-OCRv4 190 ms (1 side)
                - clean-card p50: Tesseract 5 chi_sim – (no clean card in the run)
                """);
    }

    @Test
    void shouldSayWhyThereIsNoComparisonWhenTheCurrentRunLacksTheLocalEngine() {
        List<Sample> current = List.of(sample("local-1t", ONE_THREAD, "synthetic", "clean", 280, 280, 6, 6));
        List<Sample> baseline = List.of(sample("local", BASELINE, "synthetic", "clean", 160, 300, 6, 6));

        assertThat(LatencyComparison.markdown(current, baseline)).endsWith(
                "- clean p50: no comparison: the current run has no clean card read by engine `local`\n");
    }

    private static Sample sample(String key, String engine, String set, String variant, int wallMs, int cpuMs,
            int exact, int labelled) {
        return new Sample(key, engine, set, variant, variant + ".png", CardSide.FRONT, wallMs * 1_000_000L,
                cpuMs * 1_000_000L, "", exact, labelled);
    }
}
