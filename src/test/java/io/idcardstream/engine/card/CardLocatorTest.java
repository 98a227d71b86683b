package io.idcardstream.engine.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardLocatorTest {
    private final TemplateLines photo = TemplateLines.turnedAndKeystoned();
    private final TemplateLines scan = new TemplateLines(io.idcardstream.engine.geom.Homography.of(new double[] {
        0, -0.6, 700, 0.6, 0, 50, 0, 0, 1}));

    @Test
    void shouldPlaceTheFrontThroughItsLabelsAndIdNumber() {
        // Given the front's labels and ID number, photographed turned and strongly keystoned
        TemplateLines photo = new TemplateLines(io.idcardstream.engine.geom.Homography.quadToQuad(CardTemplate.CARD,
                new io.idcardstream.engine.geom.Quad(new Point(700, 60), new Point(760, 700), new Point(300, 600),
                        new Point(420, 120))));
        List<GlyphLine> lines = glyphs(
                photo.line("姓名", 80, 38, 110),
                photo.line("性别", 78, 40, 170),
                photo.line("民族", 265, 49, 170),
                photo.line("出生", 80, 40, 232),
                photo.line("住址", 78, 42, 298),
                photo.line("公民身份", 80, 27.7, 467),
                photo.line("440524198701010014", 308, 24.6, 467));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(lines);
        // Then there is one front, in full perspective, mapping the image back onto the template
        assertThat(cards).hasSize(1);
        CardFrame front = cards.get(0);
        assertThat(front.side()).isEqualTo(CardSide.FRONT);
        assertThat(front.fit()).isEqualTo(CardFrame.Fit.PERSPECTIVE);
        Point portraitCorner = front.toCard(photo.toImage(new Point(805, 410)));
        assertThat(portraitCorner.x()).isCloseTo(805, within(4.0));
        assertThat(portraitCorner.y()).isCloseTo(410, within(4.0));
        // (evenly spread characters are not exactly where perspective puts them: a few units of error remain)
        assertThat(front.rmsError()).isLessThan(8);
    }

    @Test
    void shouldKeepAnAffineFitWhenItFollowsTheAnchorsWell() {
        // Given a flat scan of the front (no perspective), turned 90°
        List<GlyphLine> lines = glyphs(
                scan.line("姓名", 80, 38, 110),
                scan.line("出生", 80, 40, 232),
                scan.line("住址", 78, 42, 298),
                scan.line("公民身份", 80, 27.7, 467),
                scan.line("440524198701010014", 308, 24.6, 467));
        // When the card is located
        CardFrame front = CardLocator.locate(lines).get(0);
        // Then the fit is affine (a homography would bend the empty portrait side to the anchors' noise)
        assertThat(front.fit()).isEqualTo(CardFrame.Fit.AFFINE);
        Point farCorner = front.toCard(scan.toImage(new Point(856, 0)));
        assertThat(farCorner.x()).isCloseTo(856, within(1.0));
        assertThat(farCorner.y()).isCloseTo(0, within(1.0));
    }

    @Test
    void shouldIgnoreALookAlikeAnchorOutsideItsPlace() {
        // Given a front whose address also contains 民族 (民族路), far from the label's place
        List<GlyphLine> lines = glyphs(
                photo.line("出生", 80, 40, 232),
                photo.line("住址", 78, 42, 298),
                photo.line("民族路8号", 180, 31, 334),
                photo.line("公民身份", 80, 27.7, 467),
                photo.line("110102197810272321", 308, 24.6, 467));
        // When the card is located
        CardFrame front = CardLocator.locate(lines).get(0);
        // Then the look-alike was dropped and the fit is still exact
        assertThat(front.anchors()).isEqualTo(2 + 2 + 4 + 18);
        assertThat(front.rmsError()).isLessThan(5);
    }

    @Test
    void shouldPlaceTheBackThroughItsTitleAndLabels() {
        List<GlyphLine> lines = glyphs(
                photo.line("中华人民共和国", 316, 67, 90),
                photo.line("居民身份证", 294, 113, 189),
                photo.line("签发机关上海市公安局", 218, 30, 403),
                photo.line("有效期限", 217, 29, 470));
        List<CardFrame> cards = CardLocator.locate(lines);
        assertThat(cards).extracting(CardFrame::side).containsExactly(CardSide.BACK);
    }

    @Test
    void shouldFindNoCardInOneLabelPair() {
        // Given a lone "出生" (two anchors: too few to tell a card from a coincidence)
        List<GlyphLine> lines = glyphs(photo.line("出生", 80, 40, 232), photo.line("随便什么字", 300, 30, 300));
        // Then no card is found
        assertThat(CardLocator.locate(lines)).isEmpty();
    }

    @Test
    void shouldFindBothSidesInOneImage() {
        TemplateLines below = new TemplateLines(io.idcardstream.engine.geom.Homography
                .scaleThenTranslate(1, 1, 0, 700));
        List<GlyphLine> lines = glyphs(
                photo.line("出生", 80, 40, 232),
                photo.line("公民身份", 80, 27.7, 467),
                photo.line("513701199507176346", 308, 24.6, 467),
                below.line("中华人民共和国", 316, 67, 90),
                below.line("居民身份证", 294, 113, 189));
        assertThat(CardLocator.locate(lines)).extracting(CardFrame::side)
                .containsExactly(CardSide.FRONT, CardSide.BACK);
    }

    private static List<GlyphLine> glyphs(TextLine... lines) {
        List<GlyphLine> glyphs = new ArrayList<>();
        for (TextLine line : lines) {
            glyphs.add(GlyphLine.of(line, glyphs.size()));
        }
        return glyphs;
    }
}
