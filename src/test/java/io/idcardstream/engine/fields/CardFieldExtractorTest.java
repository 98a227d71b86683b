package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.engine.card.TemplateLines;
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
}
