package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissCauseTest {

    @Test
    void shouldCountDroppedExtraAndSubstitutedCharactersOfTheCheapestAlignment() {
        // Given readings with one kind of edit each, and one with all three
        // Then the alignment counts them per kind
        assertThat(CharAlignment.align("北京市东城区", "北京东城区")).isEqualTo(new CharAlignment.Edits(1, 0, 0));
        assertThat(CharAlignment.align("12号3栋", "112号3栋")).isEqualTo(new CharAlignment.Edits(0, 1, 0));
        assertThat(CharAlignment.align("达斡尔", "达翰尔")).isEqualTo(new CharAlignment.Edits(0, 0, 1));
        assertThat(CharAlignment.align("abcdef", "xbcdefg").substituted()).isEqualTo(1);
        assertThat(CharAlignment.align("abcdef", "acdxefg")).isEqualTo(new CharAlignment.Edits(1, 2, 0));
        assertThat(CharAlignment.align("same", "same").none()).isTrue();
    }

    @Test
    void shouldNameTheErrorCodeWhenTheCallFailed() {
        assertThat(MissCause.of("汉", "", "FailedOperation.ImageBlur", false)).isEqualTo("FailedOperation.ImageBlur");
    }

    @Test
    void shouldCallAnEmptyAnswerMissing() {
        assertThat(MissCause.of("汉", "", null, false)).isEqualTo("missing");
    }

    @Test
    void shouldJoinEveryKindOfEditAndABadFormat() {
        // Given a birth read with a doubled digit and a wrong one, not a real date
        String cause = MissCause.of("1987/1/1", "1987/11/7", null, true);

        // Then both edits are named, then the format
        assertThat(cause).isEqualTo("extra_chars(1)+substituted_chars(1)+bad_format");
        assertThat(MissCause.of("北京市东城区人民路1号", "北京东城区人民路11号", null, false))
                .isEqualTo("dropped_chars(1)+extra_chars(1)");
    }

    @Test
    void shouldCountCharactersOutsideTheBasicPlaneOnce() {
        // Given a value with a supplementary ideograph (U+20BB7), read without it
        assertThat(MissCause.of("\uD842\uDFB7明", "明", null, false)).isEqualTo("dropped_chars(1)");
    }
}
