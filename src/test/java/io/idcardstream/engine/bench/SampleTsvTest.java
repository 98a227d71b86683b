package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.ocr.CardSide;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTsvTest {

    @Test
    void shouldReadBackWhatItWrote() {
        // Given a successful call and a failed one (its error code set, nothing exact)
        List<Sample> samples = List.of(
                new Sample("local", "local PP-OCRv4 (baseline f284aa1)", "synthetic", "clean", "card_0001.png",
                        CardSide.FRONT, 195_300_000L, 390_000_000L, "", 6, 6),
                new Sample("local", "local PP-OCRv4 (baseline f284aa1)", "synthetic unreadable", "hard",
                        "card_0002.png", CardSide.BACK, 80_000_000L, 150_000_000L, "FailedOperation.OcrFailed", 0, 2));

        // When they are written and parsed, then they come back equal, under the header
        String tsv = SampleTsv.format(samples);
        assertThat(tsv).startsWith(SampleTsv.HEADER + "\n");
        assertThat(SampleTsv.parse(tsv)).isEqualTo(samples);
    }

    @Test
    void shouldNameTheLineOfAMalformedSample() {
        String tsv = SampleTsv.HEADER + "\nlocal\tlocal PP-OCRv4\tdev\tscan\tfront_01.jpg\tFRONT\t1\t1\t\t6\t6\n"
                + "local\tlocal PP-OCRv4\tdev\tscan\tfront_02.jpg\tSIDEWAYS\t1\t1\t\t6\t6\n";

        assertThatThrownBy(() -> SampleTsv.parse(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 3: No enum constant io.idcardstream.ocr.CardSide.SIDEWAYS");
    }

    @Test
    void shouldRefuseTextWithoutItsHeader() {
        assertThatThrownBy(() -> SampleTsv.parse("engine\tset\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected the header 'engine_key\\tengine\\tset")
                .hasMessageEndingWith("but line 1 was 'engine\\tset'");
    }

    @Test
    void shouldRefuseATabInsideACell() {
        assertThatThrownBy(() -> new Sample("local", "local\tPP-OCRv4", "dev", "scan", "front_01.jpg",
                CardSide.FRONT, 1, 1, "", 6, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text cells must hold no tab or line break but one was 'local\\tPP-OCRv4'");
    }
}
