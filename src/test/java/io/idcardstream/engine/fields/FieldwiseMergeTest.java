package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two readings of one side (the first and the closer look) are combined field by field, never kept whole. */
class FieldwiseMergeTest {
    private static final String ID = "440524198701010014";

    @Test
    void shouldTakeEachFieldFromTheReadingThatGotItRight() {
        // Given a first reading whose birth date is malformed and whose address lost its last row, and a closer
        // look that read those two well but named the holder less surely
        ExtractedCard first = Readings.of(CardFields.front("李明", "男", "汉", "1987年1月", "北京市海淀区中关村", ID))
                .confidence(FieldName.NAME, 0.97f).card();
        ExtractedCard closer = Readings.of(CardFields.front("李朋", "男", "汉", "1987/1/1",
                "北京市海淀区中关村大街1号", ID)).confidence(FieldName.NAME, 0.80f).card();
        // When merged, the first reading preferred
        ExtractedCard merged = FieldwiseMerge.merge(first, closer);
        // Then the well-formed birth date and the address holding the other's characters come from the closer look,
        // the surer name from the first
        assertThat(FieldsView.of(merged.fields())).isEqualTo(FieldsView.of(CardFields.front("李明", "男", "汉",
                "1987/1/1", "北京市海淀区中关村大街1号", ID)));
        assertThat(merged.readings().get(FieldName.BIRTH)).isSameAs(closer.readings().get(FieldName.BIRTH));
        assertThat(merged.readings().get(FieldName.NAME)).isSameAs(first.readings().get(FieldName.NAME));
    }

    @Test
    void shouldPreferAWellFormedValueEvenWhenItWasReadLessSurely() {
        // Given the preferred reading's nation off the list, read surely, and the other's on it, read unsurely
        ExtractedCard preferred = Readings.of(front("汊")).confidence(FieldName.NATION, 0.99f).card();
        ExtractedCard other = Readings.of(front("汉")).confidence(FieldName.NATION, 0.6f).card();
        // Then the nation on the list wins
        assertThat(FieldwiseMerge.merge(preferred, other).fields().nation()).isEqualTo("汉");
    }

    @Test
    void shouldPreferTheValueHoldingTheOthersCharactersInOrder() {
        // Given the preferred reading's address complete and read less surely, the other's missing a row
        ExtractedCard preferred = Readings.of(front("汉")).confidence(FieldName.ADDRESS, 0.7f).card();
        ExtractedCard other = Readings.of(CardFields.front("李明", "男", "汉", "1987/1/1", "北京市海淀区", ID))
                .confidence(FieldName.ADDRESS, 0.99f).card();
        // Then the longer address wins whichever is surer or preferred
        assertThat(FieldwiseMerge.merge(preferred, other).fields().address()).isEqualTo("北京市海淀区中关村大街1号");
        assertThat(FieldwiseMerge.merge(other, preferred).fields().address()).isEqualTo("北京市海淀区中关村大街1号");
    }

    @Test
    void shouldNotPreferTheLongerValueWhenWhatItAddsWasReadUnsurely() {
        // Given the preferred reading's authority with a speck before it read as a character (a stamp's edge on a
        // skewed card), and the other's without it
        ExtractedCard preferred = Readings.of(CardFields.back("所广州市公安局", "2010.07.21-2020.07.21"))
                .with(FieldName.AUTHORITY, 0, 0.3f).confidence(FieldName.AUTHORITY, 0.95f).card();
        ExtractedCard other = Readings.of(CardFields.back("广州市公安局", "2010.07.21-2020.07.21"))
                .confidence(FieldName.AUTHORITY, 0.96f).card();
        // Then the value without the unsure extra character wins, in either order
        assertThat(FieldwiseMerge.merge(preferred, other).fields().authority()).isEqualTo("广州市公安局");
        assertThat(FieldwiseMerge.merge(other, preferred).fields().authority()).isEqualTo("广州市公安局");
    }

    @Test
    void shouldLetThePreferredReadingWinATie() {
        // Given two different well-formed names read equally surely
        ExtractedCard preferred = Readings.of(CardFields.front("李明", "男", "汉", "1987/1/1", "北京市海淀区", ID))
                .card();
        ExtractedCard other = Readings.of(CardFields.front("季明", "男", "汉", "1987/1/1", "北京市海淀区", ID)).card();
        // Then the preferred reading's name is kept
        assertThat(FieldwiseMerge.merge(preferred, other).fields().name()).isEqualTo("李明");
        assertThat(FieldwiseMerge.merge(other, preferred).fields().name()).isEqualTo("季明");
    }

    @Test
    void shouldKeepEachFieldsOwnCleanUpsAndThePreferredFrameAndDiscards() {
        // Given the preferred reading with a clean-up on its name and a discard, the other with one on its nation
        // and a better nation
        FieldCorrection nameSpeck = new FieldCorrection(FieldName.NAME, "，李明", "李明", "PUNCTUATION_SPECKS_DROPPED");
        FieldCorrection nation = new FieldCorrection(FieldName.NATION, "佬", "仫佬", NationCompletion.REASON);
        DiscardedText stamp = new DiscardedText(null, DiscardedText.STAMP_TEXT, 4);
        ExtractedCard preferred = with(Readings.of(front("佬")).card(), List.of(nameSpeck), List.of(stamp));
        ExtractedCard other = with(Readings.of(front("仫佬")).card(), List.of(nation),
                List.of(new DiscardedText(null, DiscardedText.OFF_CARD, 9)));
        // When merged
        ExtractedCard merged = FieldwiseMerge.merge(preferred, other);
        // Then the name's clean-up comes with the preferred name, the nation's with the other's nation; the
        // discards are the preferred reading's
        assertThat(merged.fields().nation()).isEqualTo("仫佬");
        assertThat(merged.cleanups()).containsExactly(nameSpeck, nation);
        assertThat(merged.discarded()).containsExactly(stamp);
        assertThat(merged.side()).isEqualTo(CardSide.FRONT);
    }

    @Test
    void shouldKeepThePreferredValueWhereTheOtherReadNothingAndIgnoreAnotherSide() {
        ExtractedCard preferred = Readings.of(front("汉")).card();
        ExtractedCard noName = Readings.of(CardFields.front("", "男", "汊", "1987/1/1", "北京市海淀区中关村大街1号",
                ID)).card();
        ExtractedCard back = Readings.of(CardFields.back("北京市公安局", "2010.07.21-长期")).card();
        assertThat(FieldwiseMerge.merge(preferred, noName).fields().name()).isEqualTo("李明");
        assertThat(FieldwiseMerge.merge(preferred, back)).isSameAs(preferred);
        assertThat(FieldwiseMerge.merge(preferred, ExtractedCard.NONE)).isSameAs(preferred);
    }

    @Test
    void shouldTellWhetherOneValueHoldsAnothersCharactersInOrder() {
        assertThat(Map.of(
                "海淀|北京市海淀区", FieldwiseMerge.subsequence("海淀", "北京市海淀区"),
                "淀海|北京市海淀区", FieldwiseMerge.subsequence("淀海", "北京市海淀区"),
                "|北京", FieldwiseMerge.subsequence("", "北京"),
                "北京市|北京", FieldwiseMerge.subsequence("北京市", "北京")))
                .isEqualTo(Map.of("海淀|北京市海淀区", true, "淀海|北京市海淀区", false, "|北京", true, "北京市|北京", false));
    }

    private static CardFields front(String nation) {
        return CardFields.front("李明", "男", nation, "1987/1/1", "北京市海淀区中关村大街1号", ID);
    }

    private static ExtractedCard with(ExtractedCard card, List<FieldCorrection> cleanups,
            List<DiscardedText> discarded) {
        return new ExtractedCard(card.side(), card.fields(), card.readings(), card.frame(), cleanups, discarded);
    }
}
