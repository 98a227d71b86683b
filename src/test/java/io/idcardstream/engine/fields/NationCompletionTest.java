package io.idcardstream.engine.fields;

import static io.idcardstream.engine.fields.Readings.alternative;
import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.ModelSet;
import io.idcardstream.engine.rec.CharacterDictionary;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.io.IOException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The nation is one of a closed list: a reading that exactly one name explains is put right, and reported. */
class NationCompletionTest {
    /** PP-OCR's dictionary lacks 仫. */
    private static final Predicate<String> WITHOUT_MU = s -> !s.equals("仫");
    private static final Predicate<String> EVERYTHING = s -> true;

    @Test
    void shouldCompleteANameWithACharacterTheRecogniserCannotEmit() {
        // Given 仫佬 read as 佬 (surely: the recogniser has no 仫 to emit)
        ExtractedCard card = Readings.of(front("佬")).card();
        // When completed from the list
        ExtractedCard completed = NationCompletion.apply(card, WITHOUT_MU);
        // Then it is 仫佬, and the change is reported
        assertThat(completed.fields().nation()).isEqualTo("仫佬");
        assertThat(completed.cleanups()).containsExactly(
                new FieldCorrection(FieldName.NATION, "佬", "仫佬", NationCompletion.REASON));
    }

    @Test
    void shouldLeaveAReadingThatTwoNamesWithoutUnreadableCharactersExplain() {
        // Given 佬 from a recogniser that can emit neither 仫 nor 仡: 仫佬 or 仡佬
        ExtractedCard card = Readings.of(front("佬")).card();
        // When completed
        // Then it stays as read
        assertThat(NationCompletion.apply(card, s -> !s.equals("仫") && !s.equals("仡"))).isSameAs(card);
    }

    @Test
    void shouldReplaceTheOneUncertainCharacterOnlyOneNameDiffersIn() {
        // Given 达斡尔 read as 达翰尔 with 翰 uncertain
        ExtractedCard card = Readings.of(front("达翰尔")).with(FieldName.NATION, 1, 0.6f).card();
        // When completed
        ExtractedCard completed = NationCompletion.apply(card, EVERYTHING);
        // Then it is 达斡尔, reported
        assertThat(completed.fields().nation()).isEqualTo("达斡尔");
        assertThat(completed.cleanups()).containsExactly(
                new FieldCorrection(FieldName.NATION, "达翰尔", "达斡尔", NationCompletion.REASON));
    }

    @Test
    void shouldLeaveASurelyReadNameOffTheList() {
        // Given 达翰尔 read surely: a finding, not a misreading to hide
        ExtractedCard card = Readings.of(front("达翰尔")).card();
        assertThat(NationCompletion.apply(card, EVERYTHING)).isSameAs(card);
    }

    @Test
    void shouldChooseAmongNamesDifferingInTheUncertainCharacterByTheRecognisersAlternatives() {
        // Given 潮龙 with 潮 uncertain: 崩龙 and 独龙 both differ in that character only; the recogniser found 崩
        // six times as probable there as 独
        ExtractedCard card = Readings.of(front("潮龙"))
                .with(FieldName.NATION, 0, 0.5f, alternative("崩", 0.3f), alternative("独", 0.05f)).card();
        // When completed
        // Then it is 崩龙
        assertThat(NationCompletion.apply(card, EVERYTHING).fields().nation()).isEqualTo("崩龙");
    }

    @Test
    void shouldLeaveAnAmbiguousUncertainCharacterAlone() {
        // Given the same with 崩 and 独 about equally probable, and again with neither considered
        ExtractedCard close = Readings.of(front("潮龙"))
                .with(FieldName.NATION, 0, 0.5f, alternative("崩", 0.2f), alternative("独", 0.15f)).card();
        ExtractedCard unconsidered = Readings.of(front("潮龙")).with(FieldName.NATION, 0, 0.5f).card();
        // Then both stay as read
        assertThat(NationCompletion.apply(close, EVERYTHING)).isSameAs(close);
        assertThat(NationCompletion.apply(unconsidered, EVERYTHING)).isSameAs(unconsidered);
    }

    @Test
    void shouldLeaveKnownNamesAndTheBackAlone() {
        ExtractedCard han = Readings.of(front("汉")).card();
        ExtractedCard back = Readings.of(CardFields.back("北京市公安局", "2010.07.21-2020.07.21")).card();
        assertThat(NationCompletion.apply(han, WITHOUT_MU)).isSameAs(han);
        assertThat(NationCompletion.apply(back, WITHOUT_MU)).isSameAs(back);
    }

    @Test
    void shouldCompleteWhatTheShippedDictionaryCannotSpell() throws IOException {
        // Given the recogniser's own dictionary (the models' key file): the gap this heuristic exists for
        CharacterDictionary dictionary;
        try (var keys = getClass().getResourceAsStream(ModelSet.PP_OCR_V4.keys())) {
            dictionary = CharacterDictionary.read(keys);
        }
        // When 佬 is completed with it
        ExtractedCard completed = NationCompletion.apply(Readings.of(front("佬")).card(), dictionary::contains);
        // Then 仫 is missing from it, and 仫佬 is the one name that explains the reading
        assertThat(dictionary.contains("仫")).isFalse();
        assertThat(completed.fields().nation()).isEqualTo("仫佬");
    }

    private static CardFields front(String nation) {
        return CardFields.front("李明", "男", nation, "1987/1/1", "北京市海淀区中关村大街1号", "440524198701010014");
    }
}
