package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.engine.card.TemplateLines;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A one-line field missing or malformed is taken from its band read as one line, when the band reads it well. */
class FieldRowsTest {
    private static final String ID = "440524198701010014";
    private final TemplateLines photo = TemplateLines.turnedAndKeystoned();

    @Test
    void shouldTakeAMalformedFieldFromItsBandWhenTheBandReadsItWell() {
        // Given a front whose birth date lost its day under a stamp (复印 glued to its end, dropped and recorded)
        ExtractedCard card = front(photo.line("出生1987年1月复印", 80, 30, 232));
        assertThat(card.fields().birth()).isEqualTo("1987年1月");
        // When the birth's band, read as one line, says 1987年1月1日
        ExtractedCard reread = FieldRows.withRowReading(card, FieldName.BIRTH, band("1987年1月1日", 232), 1000, 700);
        // Then the birth date is the band's, with the band's reading, and the old reading's clean-ups are gone
        assertThat(FieldsView.of(reread.fields())).isEqualTo(FieldsView.of(card.fields()
                .with(FieldName.BIRTH, "1987/1/1")));
        assertThat(reread.readings().get(FieldName.BIRTH).raw()).isEqualTo("1987年1月1日");
        assertThat(card.cleanups()).extracting(FieldCorrection::field).containsExactly(FieldName.BIRTH);
        assertThat(reread.cleanups()).isEmpty();
    }

    @Test
    void shouldLeaveOutAStampPhraseTheBandReadsWithTheValue() {
        ExtractedCard card = front(photo.line("出生1987年1月复印", 80, 30, 232));
        ExtractedCard reread = FieldRows.withRowReading(card, FieldName.BIRTH, band("复印无效1987年1月1日", 232), 1000,
                700);
        assertThat(reread.fields().birth()).isEqualTo("1987/1/1");
    }

    @Test
    void shouldKeepTheCardsValueWhenItIsWellFormedOrTheBandReadsNoBetter() {
        // Given a well-formed birth date, and a malformed one whose band reads only a stamp or another malformed date
        ExtractedCard good = front(photo.line("出生1987年1月1日", 80, 30, 232));
        ExtractedCard cut = front(photo.line("出生1987年1月复印", 80, 30, 232));
        // Then the card is kept as it is
        assertThat(FieldRows.withRowReading(good, FieldName.BIRTH, band("1988年2月2日", 232), 1000, 700)).isSameAs(good);
        assertThat(FieldRows.withRowReading(cut, FieldName.BIRTH, band("复印无效", 232), 1000, 700)).isSameAs(cut);
        assertThat(FieldRows.withRowReading(cut, FieldName.BIRTH, band("1987年", 232), 1000, 700)).isSameAs(cut);
    }

    @Test
    void shouldTakeTheNationTheBandStartsWithWhenAStampFollowsItAndRecordWhatWasLeftOut() {
        // Given a front whose nation was not boxed, and bands reading it followed by a stamp's character
        ExtractedCard card = frontWithoutNation();
        // When the bands read 汉 then 茶 (禁 misread), and 土家 then 茶
        ExtractedCard han = FieldRows.withRowReading(card, FieldName.NATION, band("汉茶", 170), 1000, 700);
        ExtractedCard tujia = FieldRows.withRowReading(card, FieldName.NATION, band("土家茶", 170), 1000, 700);
        // Then the nation is the longest name the band starts with, and the character left out is a correction
        assertThat(han.fields().nation()).isEqualTo("汉");
        assertThat(han.cleanups()).containsExactly(new FieldCorrection(FieldName.NATION, "汉茶", "汉",
                FieldRows.NOT_PART_OF_NATION));
        assertThat(tujia.fields().nation()).isEqualTo("土家");
    }

    @Test
    void shouldNotCutANationFromAnUnsureBandReading() {
        ExtractedCard card = frontWithoutNation();
        ExtractedCard unsure = FieldRows.withRowReading(card, FieldName.NATION,
                GlyphLine.of(photo.line("汉茶", 160, 30, 170, 0.5f), -1), 1000, 700);
        assertThat(unsure.fields().nation()).isEqualTo("汉茶");
        assertThat(unsure.cleanups()).isEmpty();
    }

    @Test
    void shouldTakeEvenAMalformedBandReadingForAFieldWithNothingRead() {
        // Given a front on which nothing was read beside 性别
        ExtractedCard card = front(photo.line("出生1987年1月1日", 80, 30, 232));
        assertThat(card.fields().sex()).isEmpty();
        // When its band reads 另 (男 misread: not of the field's form)
        ExtractedCard reread = FieldRows.withRowReading(card, FieldName.SEX, band("另", 170), 1000, 700);
        // Then that is taken, better than nothing (a misread stays visible)
        assertThat(reread.fields().sex()).isEqualTo("另");
    }

    @Test
    void shouldPlaceEachBandOnItsRowFromWhereItsLabelSaysTheValueStarts() {
        // Given a front located with its labels seen where the template has them
        ExtractedCard card = front(photo.line("出生1987年1月1日", 80, 30, 232));
        // When the birth's band is placed in the image
        Quad band = FieldRows.band(FieldName.BIRTH, card.frame());
        // Then on the card it runs from the value's start to the portrait, 24 units either side of the row
        double start = card.frame().valueStarts().get("出生");
        List<Point> onCard = band.corners().stream().map(card.frame()::toCard).toList();
        List<Point> expected = List.of(new Point(start, 208), new Point(530, 208), new Point(530, 256),
                new Point(start, 256));
        for (int i = 0; i < 4; i++) {
            assertThat(onCard.get(i).x()).isCloseTo(expected.get(i).x(), within(1e-6));
            assertThat(onCard.get(i).y()).isCloseTo(expected.get(i).y(), within(1e-6));
        }
        assertThatThrownBy(() -> FieldRows.band(FieldName.ADDRESS, card.frame()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ADDRESS is not a one-line field");
    }

    @Test
    void shouldTryBandsAboveAndBelowTheRowAfterTheCentredOneSoAnIntruderOverHalfALineIsLeftOut() {
        // Given a front located with its labels seen where the template has them
        ExtractedCard card = front(photo.line("出生1987年1月1日", 80, 30, 232));
        // When the birth's bands are placed
        List<Quad> bands = FieldRows.bands(FieldName.BIRTH, card.frame());
        // Then the centred band comes first, then narrower ones a sixth and a third of a line up and down, each
        // still holding most of the line's characters (the row's middle lies inside every band)
        assertThat(bands.get(0)).isEqualTo(FieldRows.band(FieldName.BIRTH, card.frame()));
        List<double[]> topAndBottom = bands.stream().map(band -> {
            List<Point> onCard = band.corners().stream().map(card.frame()::toCard).toList();
            return new double[] {onCard.get(0).y(), onCard.get(3).y()};
        }).toList();
        double[][] expected = {{208, 256}, {207, 247}, {217, 257}, {206, 238}, {226, 258}};
        for (int i = 0; i < expected.length; i++) {
            assertThat(topAndBottom.get(i)[0]).as("top of band %d", i).isCloseTo(expected[i][0], within(1e-6));
            assertThat(topAndBottom.get(i)[1]).as("bottom of band %d", i).isCloseTo(expected[i][1], within(1e-6));
        }
    }

    @Test
    void shouldListTheOneLineFieldsOfEachSide() {
        assertThat(FieldRows.of(CardSide.FRONT)).containsExactly(FieldName.NAME, FieldName.SEX, FieldName.NATION,
                FieldName.BIRTH, FieldName.ID_NUM);
        assertThat(FieldRows.of(CardSide.BACK)).containsExactly(FieldName.AUTHORITY, FieldName.VALID_DATE);
    }

    /** A front with this birth line, no sex, and its other fields read well. */
    private ExtractedCard front(TextLine birth) {
        ExtractedCard card = front(photo.line("性别", 78, 40, 170), photo.line("民族汉", 265, 49, 170), birth);
        assertThat(FieldsView.of(card.fields().with(FieldName.BIRTH, "")))
                .isEqualTo(FieldsView.of(CardFields.front("李明", "", "汉", "", "北京市海淀区中关村大街1号", ID)));
        return card;
    }

    /** A front whose nation's value was not boxed: only its label was read. */
    private ExtractedCard frontWithoutNation() {
        ExtractedCard card = front(photo.line("性别男", 78, 40, 170), photo.line("民族", 265, 49, 170),
                photo.line("出生1987年1月1日", 80, 30, 232));
        assertThat(card.fields().nation()).isEmpty();
        return card;
    }

    private ExtractedCard front(TextLine sex, TextLine nation, TextLine birth) {
        return CardFieldExtractor.extract(List.of(
                photo.line("姓名李明", 80, 38, 110),
                sex,
                nation,
                birth,
                photo.line("住址北京市海淀区中关村大街1号", 78, 33, 298),
                photo.line("公民身份号码", 80, 28, 467),
                photo.line(ID, 308, 24.6, 467)), 1000, 700, CardSide.FRONT);
    }

    /** A band read as one line: characters evenly along the row from the value column. */
    private GlyphLine band(String text, double y) {
        return GlyphLine.of(photo.line(text, 160, 30, y), -1);
    }
}

