package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.engine.card.TemplateLines;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardFieldExtractorTest {
    private final TemplateLines photo = TemplateLines.turnedAndKeystoned();

    /** A front as a backend without character positions reports it, plus the clutter real photos bring. */
    private List<TextLine> front() {
        return List.of(
                photo.line("姓多", 80, 38, 110, 0.7f),                    // label misread: costs only an anchor
                photo.line("李明", 175, 30, 110),
                photo.line("性别男民族汉", 78, 46, 170),                 // labels and values in one box
                photo.line("出生1987年1月1日", 80, 30, 232),
                photo.line("住址北京市石景山区高新技术", 78, 33, 298),
                photo.line("园腾讯大楼", 175, 31, 334),
                photo.line("样证", 85, 66, 370),                          // specimen stamp beside the address
                photo.line("话", 170, 30, 125, 0.13f),                   // guilloche read as a character
                photo.line("公民身份号码", 80, 28, 467),
                photo.line("440524198701010014", 308, 24.6, 467),
                photo.line("MacBook Pro", 1000, 30, 600));              // off the card
    }

    @Test
    void shouldReadEveryFrontFieldFromLinesOfAnyBackend() {
        // When the fields are extracted from the lines (1000 × 700 image)
        ExtractedCard card = CardFieldExtractor.extract(front(), 1000, 700, CardSide.FRONT);
        // Then they are exactly the card's, in the API's format
        assertThat(card.side()).isEqualTo(CardSide.FRONT);
        assertThat(FieldsView.of(card.fields())).isEqualTo(FieldsView.of(CardFields.front("李明", "男", "汉",
                "1987/1/1", "北京市石景山区高新技术园腾讯大楼", "440524198701010014")));
    }

    @Test
    void shouldGiveEachFieldItsConfidenceAndPolygon() {
        ExtractedCard card = CardFieldExtractor.extract(front(), 1000, 700, CardSide.FRONT);
        List<FieldEvidence> evidence = card.evidence();
        // Then every front field has evidence, in the API's order, with the reader's confidence
        assertThat(evidence).extracting(FieldEvidence::field).containsExactly(FieldName.NAME, FieldName.SEX,
                FieldName.NATION, FieldName.BIRTH, FieldName.ADDRESS, FieldName.ID_NUM);
        assertThat(evidence.get(0).confidence()).isEqualTo(0.98f);
        // And the ID number's polygon lies where the number was photographed (the card is turned 90°:
        // its bottom row runs down the left of the image)
        List<FieldEvidence.Point> id = evidence.get(5).polygon();
        assertThat(id).hasSize(4);
        assertThat(id).allSatisfy(p -> assertThat(p.x()).isBetween(380, 480));
        assertThat(id.get(0).y()).isLessThan(id.get(1).y());
    }

    @Test
    void shouldKeepAMisreadLabelCharacterOutOfTheValueBesideIt() {
        // Given a sex/nation row read as "性别女" and "民旅汉" (族 misread as 旅, so 民族 is no anchor)
        List<TextLine> lines = List.of(
                photo.line("姓名金阳", 80, 38, 110),
                photo.line("性别女", 78, 44, 170),
                photo.line("民旅汉", 265, 44, 170),
                photo.line("出生1978年10月27日", 80, 30, 232),
                photo.line("住址北京市西城区", 78, 33, 298),
                photo.line("公民身份号码", 80, 28, 467),
                photo.line("110102197810272321", 308, 24.6, 467));
        // When extracted
        ExtractedCard card = CardFieldExtractor.extract(lines, 1000, 700, CardSide.FRONT);
        // Then 旅 stands where 族 belongs, next to the 民 read alone: label, not nation
        assertThat(card.fields().nation()).isEqualTo("汉");
        assertThat(card.fields().sex()).isEqualTo("女");
    }

    @Test
    void shouldReportPunctuationSpecksItDrops() {
        List<TextLine> lines = new java.util.ArrayList<>(front());
        lines.set(1, photo.line("，李明", 160, 30, 110));
        ExtractedCard card = CardFieldExtractor.extract(lines, 1000, 700, CardSide.FRONT);
        assertThat(card.fields().name()).isEqualTo("李明");
        assertThat(card.cleanups()).containsExactly(
                new FieldCorrection(FieldName.NAME, "，李明", "李明", "PUNCTUATION_SPECKS_DROPPED"));
    }

    @Test
    void shouldReadTheBack() {
        List<TextLine> back = List.of(
                photo.line("中华人民共和国", 316, 67, 90),
                photo.line("居民身份证", 294, 113, 189),
                photo.line("签发机关上海市公安局徐汇分局", 218, 30, 403),
                photo.line("有效期限", 217, 29, 470),
                photo.line("2005.10.08-2025.10.08", 362, 15.3, 470));
        ExtractedCard card = CardFieldExtractor.extract(back, 1000, 700, null);
        assertThat(card.side()).isEqualTo(CardSide.BACK);
        assertThat(FieldsView.of(card.fields()))
                .isEqualTo(FieldsView.of(CardFields.back("上海市公安局徐汇分局", "2005.10.08-2025.10.08")));
    }

    @Test
    void shouldFindNothingWhenTheRequestedSideIsAbsent() {
        assertThat(CardFieldExtractor.extract(front(), 1000, 700, CardSide.BACK)).isEqualTo(ExtractedCard.NONE);
    }

    @Test
    void shouldTakeAValidNumberFromTheRowsBandOverAnInvalidOne() {
        // Given a number read as 18 characters failing the check, a stamp's 印 dropped from among them
        ExtractedCard card = frontWithId(photo.line("4405241987印01010015", 308, 23.3, 467, 0.98f));
        assertThat(card.cleanups()).extracting(FieldCorrection::reason).containsExactly("NOT_PART_OF_ID_NUMBER");
        // When the number's band reads a valid number
        ExtractedCard reread = CardFieldExtractor.withIdNumberFrom(idBand("440524198701010014", 0.98f), card, 1000,
                700);
        // Then the valid number is taken with the band's reading, and the old reading's clean-ups are gone
        assertThat(reread.fields().idNum()).isEqualTo("440524198701010014");
        assertThat(reread.readings().get(FieldName.ID_NUM).glyphs()).hasSize(18);
        assertThat(reread.cleanups()).isEmpty();
    }

    @Test
    void shouldTakeEighteenCharactersOfTheNumbersFormOverSeventeenReadUnsurely() {
        // Given seventeen digits read unsurely (a digit lost under a stamp)
        ExtractedCard card = frontWithId(photo.line("44052419870101001", 308, 24.6, 467, 0.8f));
        // When the band reads eighteen that fail the check
        ExtractedCard reread = CardFieldExtractor.withIdNumberFrom(idBand("440524198701010015", 0.95f), card, 1000,
                700);
        // Then the eighteen are taken
        assertThat(reread.fields().idNum()).isEqualTo("440524198701010015");
    }

    @Test
    void shouldKeepSeventeenDigitsReadSurelyAgainstEighteenThatFailTheCheck() {
        // Given a specimen's seventeen printed digits, read surely
        ExtractedCard card = frontWithId(photo.line("44052419870101001", 308, 24.6, 467, 0.98f));
        // When the band reads an eighteenth beside them (noise) and the eighteen fail the check
        ExtractedCard noise = CardFieldExtractor.withIdNumberFrom(idBand("440524198701010015", 0.95f), card, 1000,
                700);
        // Then the seventeen are kept; a valid number would still win
        assertThat(noise).isSameAs(card);
        assertThat(CardFieldExtractor.withIdNumberFrom(idBand("440524198701010014", 0.95f), card, 1000, 700)
                .fields().idNum()).isEqualTo("440524198701010014");
    }

    @Test
    void shouldKeepAValidNumberAndIgnoreBandsWithoutOne() {
        ExtractedCard valid = frontWithId(photo.line("440524198701010014", 308, 24.6, 467, 0.98f));
        ExtractedCard invalid = frontWithId(photo.line("440524198701010015", 308, 24.6, 467, 0.98f));
        ExtractedCard back = CardFieldExtractor.extract(List.of(
                photo.line("中华人民共和国", 316, 67, 90),
                photo.line("居民身份证", 294, 113, 189),
                photo.line("签发机关上海市公安局", 218, 30, 403),
                photo.line("有效期限2010.07.21-长期", 217, 29, 470)), 1000, 700, CardSide.BACK);
        // Then another valid number does not replace a valid one, a band of no digits changes nothing, and the back
        // has no number
        assertThat(CardFieldExtractor.withIdNumberFrom(idBand("11010519491231002X", 0.99f), valid, 1000, 700))
                .isSameAs(valid);
        assertThat(CardFieldExtractor.withIdNumberFrom(idBand("复印无效", 0.99f), invalid, 1000, 700)).isSameAs(invalid);
        assertThat(CardFieldExtractor.withIdNumberFrom(idBand("440524198701010014", 0.99f), back, 1000, 700))
                .isSameAs(back);
    }

    /** A front read well but for its ID number line. */
    private ExtractedCard frontWithId(TextLine idLine) {
        return CardFieldExtractor.extract(List.of(
                photo.line("姓名李明", 80, 38, 110),
                photo.line("性别男民族汉", 78, 46, 170),
                photo.line("出生1987年1月1日", 80, 30, 232),
                photo.line("住址北京市石景山区高新技术", 78, 33, 298),
                photo.line("公民身份号码", 80, 28, 467),
                idLine), 1000, 700, CardSide.FRONT);
    }

    /** The number's row read as one line. */
    private GlyphLine idBand(String text, float confidence) {
        return GlyphLine.of(photo.line(text, 308, 24.6, 467, confidence), -1);
    }
}
