package io.idcardstream.engine.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

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

    @Test
    void shouldNotLetAFormRepeatingTheLabelsBendTheCardsFit() {
        // Given a front and, right of it, an app's form repeating its labels and number in a layout of its own
        TemplateLines card = AnchorConsensusTest.placedAt(50, 50);
        List<TextLine> lines = new ArrayList<>(AnchorConsensusTest.front(card, true, false));
        lines.addAll(AnchorConsensusTest.form(AnchorConsensusTest.placedAt(650, 50)));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(glyphs(lines.toArray(TextLine[]::new)));
        // Then the first front is the card, fitted through its own 32 anchors only, exactly where it is
        // (the form's 姓名 and 性别 above its number fit a sheared card of three phrases, so the form itself comes
        // second as a front of 22 anchors: harmless while the card has more anchors, see the engine test report)
        CardFrame front = cards.get(0);
        assertThat(front.side()).isEqualTo(CardSide.FRONT);
        assertThat(front.anchors()).isEqualTo(32);
        assertThat(front.rmsError()).isLessThan(1);
        assertPlaced(front, card);
    }

    @Test
    void shouldFindTwoFrontsCopiedOnOnePageTheBetterSupportedFirst() {
        // Given two fronts on one page, the upper one without its 民族 and 住址 labels
        TemplateLines upper = AnchorConsensusTest.placedAt(50, 50), lower = AnchorConsensusTest.placedAt(50, 450);
        List<TextLine> lines = new ArrayList<>(AnchorConsensusTest.front(upper, false, false));
        lines.addAll(AnchorConsensusTest.front(lower, true, false));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(glyphs(lines.toArray(TextLine[]::new)));
        // Then both are found, each fitted to its own card, the one with more anchors first
        assertThat(cards).extracting(CardFrame::side, CardFrame::anchors)
                .containsExactly(tuple(CardSide.FRONT, 32), tuple(CardSide.FRONT, 28));
        assertPlaced(cards.get(0), lower);
        assertPlaced(cards.get(1), upper);
    }

    @Test
    void shouldFindAtMostTwoCardsOfOneSide() {
        // Given three fronts on one page
        List<TextLine> lines = new ArrayList<>(AnchorConsensusTest.front(AnchorConsensusTest.placedAt(50, 50), true,
                false));
        lines.addAll(AnchorConsensusTest.front(AnchorConsensusTest.placedAt(50, 450), false, false));
        lines.addAll(AnchorConsensusTest.front(AnchorConsensusTest.placedAt(650, 50), false, false));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(glyphs(lines.toArray(TextLine[]::new)));
        // Then only MAX_CARDS_PER_SIDE of them are: a page holds at most two copies of a side
        assertThat(cards).hasSize(CardLocator.MAX_CARDS_PER_SIDE).extracting(CardFrame::anchors)
                .containsExactly(32, 28);
    }

    @Test
    void shouldNotTakeLeftoverAnchorsOfFewerThanThreePhrasesForASecondCard() {
        // Given a front and, below it, a form that repeats 姓名 and the number in the card's own relative places
        TemplateLines card = AnchorConsensusTest.placedAt(50, 50), form = AnchorConsensusTest.placedAt(50, 450);
        List<TextLine> lines = new ArrayList<>(AnchorConsensusTest.front(card, true, false));
        lines.add(form.line("姓名", 80, 38, 110));
        lines.add(form.line("440524198701010014", 308, 24.6, 467));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(glyphs(lines.toArray(TextLine[]::new)));
        // Then two phrases (20 anchors that fit a card) are not a second card
        assertThat(cards).extracting(CardFrame::anchors).containsExactly(32);
    }

    @Test
    void shouldTakeLeftoverAnchorsOfThreePhrasesForASecondCard() {
        // Given the same, with 出生 as well: three different phrases
        TemplateLines card = AnchorConsensusTest.placedAt(50, 50), second = AnchorConsensusTest.placedAt(50, 450);
        List<TextLine> lines = new ArrayList<>(AnchorConsensusTest.front(card, true, false));
        lines.add(second.line("姓名", 80, 38, 110));
        lines.add(second.line("出生", 80, 40, 232));
        lines.add(second.line("440524198701010014", 308, 24.6, 467));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(glyphs(lines.toArray(TextLine[]::new)));
        // Then MIN_PHRASES_OF_ANOTHER_CARD are met and the second card is found where it is
        assertThat(cards).extracting(CardFrame::anchors).containsExactly(32, 22);
        assertPlaced(cards.get(1), second);
    }

    @Test
    void shouldFindALoneCardShowingOnlyTwoPhrases() {
        // Given a front of which only 姓名 and the number were read: the phrase minimum is for another card only
        TemplateLines card = AnchorConsensusTest.placedAt(50, 50);
        List<GlyphLine> lines = glyphs(card.line("姓名", 80, 38, 110), card.line("440524198701010014", 308, 24.6,
                467));
        // When the cards are located
        List<CardFrame> cards = CardLocator.locate(lines);
        // Then it is found
        assertThat(cards).extracting(CardFrame::side, CardFrame::anchors).containsExactly(tuple(CardSide.FRONT, 20));
        assertPlaced(cards.get(0), card);
    }

    /** The frame maps the card's far corners, where no anchor is, back onto the template within a unit. */
    private static void assertPlaced(CardFrame frame, TemplateLines card) {
        for (Point corner : CardTemplate.CARD.corners()) {
            Point mapped = frame.toCard(card.toImage(corner));
            assertThat(mapped.x()).isCloseTo(corner.x(), within(1.0));
            assertThat(mapped.y()).isCloseTo(corner.y(), within(1.0));
        }
    }

    private static List<GlyphLine> glyphs(TextLine... lines) {
        List<GlyphLine> glyphs = new ArrayList<>();
        for (TextLine line : lines) {
            glyphs.add(GlyphLine.of(line, glyphs.size()));
        }
        return glyphs;
    }
}
