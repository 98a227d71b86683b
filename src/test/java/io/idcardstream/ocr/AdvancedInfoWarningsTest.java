package io.idcardstream.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: what AdvancedInfo says about warnings, as serve writes it and the worker reads it back. */
class AdvancedInfoWarningsTest {

    @Test
    void shouldTellCheckedAndCleanFromNotAskedFromNotChecked() {
        // Given three answers: no warning asked; a warning asked and nothing found; a warning asked and not checked
        AdvancedInfo notAsked = new AdvancedInfo(null, null, null, null, List.of(), List.of(), List.of(), false, null);
        AdvancedInfo clean = new AdvancedInfo(null, null, null, null, List.of(), List.of(), List.of(), true, null);
        AdvancedInfo unchecked = new AdvancedInfo(null, null, null, null, List.of(), List.of(), List.of(-9106), true,
                null);
        // When they are written as the API's AdvancedInfo string
        // Then each reads differently, as the real API writes WarnInfos [] when warnings were asked
        assertThat(notAsked.toNode().toString()).isEqualTo("{}");
        assertThat(clean.toNode().toString()).isEqualTo("{\"WarnInfos\":[]}");
        assertThat(unchecked.toNode().toString()).isEqualTo("{\"WarnInfos\":[],\"WarnNotChecked\":[-9106]}");
    }

    @Test
    void shouldReadBackWhatItWritesAboutWarnings() {
        // Given a warning with score and region, two codes not checked, and glare positions not looked for
        AdvancedInfo written = new AdvancedInfo(null, null, null, 100, List.of(-9101),
                List.of(new WarningDetail(-9101, 0.75f, List.of(new FieldEvidence.Point(1, 2),
                        new FieldEvidence.Point(3, 4)))), List.of(-9105, -9107), true,
                AdvancedInfo.ReflectDetail.NOT_CHECKED);
        // When it is written and parsed again
        AdvancedInfo read = AdvancedInfo.parse(written.toNode().toString());
        // Then nothing is lost
        assertThat(read.warnings()).containsExactly(-9101);
        assertThat(read.warningDetails()).isEqualTo(written.warningDetails());
        assertThat(read.warningsNotChecked()).containsExactly(-9105, -9107);
        assertThat(read.warningsAsked()).isTrue();
        assertThat(read.reflectDetail()).isEqualTo(AdvancedInfo.ReflectDetail.NOT_CHECKED);
    }

    @Test
    void shouldSayGlarePositionsWereLookedForWhenNoneWereFound() {
        // Given glare positions asked and looked for, none found: ReflectDetailInfos is [] as when not asked
        AdvancedInfo checked = new AdvancedInfo(null, null, null, null, List.of(), List.of(), List.of(), true,
                AdvancedInfo.ReflectDetail.CHECKED);
        // When it is written and read back
        String written = checked.toNode().toString();
        // Then the answer says they were looked for
        assertThat(written).isEqualTo("{\"WarnInfos\":[],\"ReflectDetail\":\"Checked\"}");
        assertThat(AdvancedInfo.parse(written).reflectDetail()).isEqualTo(AdvancedInfo.ReflectDetail.CHECKED);
    }

    @Test
    void shouldSkipWarningExtensionsOfAnotherShapeRatherThanFailTheCall() {
        // Given an AdvancedInfo whose extension keys hold what this version does not write
        String odd = "{\"WarnInfos\":[-9102],\"WarnNotChecked\":[\"-9106\",-9104,{}],"
                + "\"WarnDetails\":[{\"Code\":\"x\"},{\"Code\":-9102,\"Score\":7,\"Region\":[{\"X\":1}]}]}";
        // When it is parsed
        AdvancedInfo read = AdvancedInfo.parse(odd);
        // Then what has the written shape is kept and the rest skipped
        assertThat(read.warnings()).containsExactly(-9102);
        assertThat(read.warningsNotChecked()).containsExactly(-9104);
        assertThat(read.warningDetails()).containsExactly(new WarningDetail(-9102, null, List.of()));
    }
}
