package io.idcardstream.engine.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.card.AnchorMatcher.Anchor;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The anchors one card explains are told from text that merely repeats its labels elsewhere: the form beside a
 * card in an app screenshot, or a second card on the page.
 */
class AnchorConsensusTest {
    private static final String ID = "440524198701010014";

    /** A card at 0.6 pixel per template unit at the page's top left. */
    private final TemplateLines card = placedAt(50, 50);
    /** The same card's place, a card's height lower. */
    private final TemplateLines below = placedAt(50, 450);

    @Test
    void shouldKeepTheCardsAnchorsAndLeaveAFormRepeatingItsLabels() {
        // Given a front with 公民身份号码 (its tail 号码 is label text) and, right of it, an app's form listing the
        // same labels in a column and the number on a row of its own
        List<GlyphLine> cardLines = glyphLines(front(card, true, true), 0);
        List<GlyphLine> lines = new ArrayList<>(cardLines);
        lines.addAll(glyphLines(form(placedAt(650, 50)), lines.size()));
        List<Anchor> anchors = AnchorMatcher.match(lines, CardSide.FRONT);
        // When the largest agreeing group is picked
        List<Anchor> group = AnchorConsensus.largestAgreeingGroup(anchors);
        // Then it is exactly the card's anchors, its label tails included, and none of the form's
        assertThat(group).containsExactlyInAnyOrderElementsOf(anchorsOn(cardLines, anchors));
        assertThat(group).filteredOn(a -> !a.positional()).hasSize(2);
    }

    @Test
    void shouldPickTheBetterSupportedOfTwoCardsOfOneSideAndLeaveTheOtherForAnotherSearch() {
        // Given two copies of a front on one page, the lower one without its 民族 and 住址 labels
        List<GlyphLine> upper = glyphLines(front(card, true, false), 0);
        List<GlyphLine> lower = glyphLines(front(below, false, false), upper.size());
        List<GlyphLine> lines = new ArrayList<>(upper);
        lines.addAll(lower);
        List<Anchor> anchors = AnchorMatcher.match(lines, CardSide.FRONT);
        // When a group is picked, and then another among the anchors left over
        List<Anchor> first = AnchorConsensus.largestAgreeingGroup(anchors);
        List<Anchor> remaining = new ArrayList<>(anchors);
        remaining.removeAll(first);
        List<Anchor> second = AnchorConsensus.largestAgreeingGroup(remaining);
        // Then the first is the upper card's 32 anchors, the second the lower card's 28
        assertThat(first).containsExactlyInAnyOrderElementsOf(anchorsOn(upper, anchors)).hasSize(32);
        assertThat(second).containsExactlyInAnyOrderElementsOf(anchorsOn(lower, anchors)).hasSize(28);
    }

    @Test
    void shouldFindNoGroupWhenNoTwoAnchorsAreFarEnoughApartOnTheTemplate() {
        // Given 出生 and 住址 alone: every pair of their characters lies under 150 units apart on the template
        List<GlyphLine> lines = glyphLines(List.of(card.line("出生", 80, 40, 232), card.line("住址", 78, 42, 298)), 0);
        // Then no card is proposed
        assertThat(AnchorConsensus.largestAgreeingGroup(AnchorMatcher.match(lines, CardSide.FRONT))).isEmpty();
    }

    @Test
    void shouldFindNoGroupInACardNarrowerThanTheLocatorsMinimum() {
        // Given a whole front printed 43 pixels wide (0.05 pixel per template unit): a coincidence, not a card
        TemplateLines tiny = new TemplateLines(Homography.scaleThenTranslate(0.05, 0.05, 10, 10));
        List<GlyphLine> lines = glyphLines(front(tiny, true, true), 0);
        // Then no card is proposed
        assertThat(AnchorConsensus.largestAgreeingGroup(AnchorMatcher.match(lines, CardSide.FRONT))).isEmpty();
    }

    @Test
    void shouldKeepEveryAnchorOfAStronglyKeystonedCard() {
        // Given a front photographed with strong keystone: a similarity through two anchors cannot follow it
        TemplateLines keystoned = new TemplateLines(Homography.quadToQuad(CardTemplate.CARD,
                new io.idcardstream.engine.geom.Quad(new Point(700, 60), new Point(760, 700), new Point(300, 600),
                        new Point(420, 120))));
        List<GlyphLine> lines = glyphLines(front(keystoned, true, false), 0);
        List<Anchor> anchors = AnchorMatcher.match(lines, CardSide.FRONT);
        // When the group is picked
        // Then every anchor of the card is in it (the refits follow the perspective)
        assertThat(AnchorConsensus.largestAgreeingGroup(anchors)).containsExactlyInAnyOrderElementsOf(anchors);
    }

    /** The front's labels and number; 民族 and 住址 optional, 公民身份 with its tail 号码 or without. */
    static List<TextLine> front(TemplateLines at, boolean nationAndAddress, boolean withTail) {
        List<TextLine> lines = new ArrayList<>(List.of(at.line("姓名", 80, 38, 110), at.line("性别", 78, 40, 170),
                at.line("出生", 80, 40, 232)));
        if (nationAndAddress) {
            lines.add(at.line("民族", 265, 49, 170));
            lines.add(at.line("住址", 78, 42, 298));
        }
        lines.add(withTail ? at.line("公民身份号码", 80, 27.7, 467) : at.line("公民身份", 80, 27.7, 467));
        lines.add(at.line(ID, 308, 24.6, 467));
        return lines;
    }

    /** An app's form: every label in a column, 18 px apart, and the number on a row of its own. */
    static List<TextLine> form(TemplateLines at) {
        return List.of(at.line("姓名", 40, 40, 60), at.line("性别", 40, 40, 120), at.line("民族", 40, 40, 180),
                at.line("出生", 40, 40, 240), at.line("住址", 40, 40, 300), at.line(ID, 150, 22, 420));
    }

    static TemplateLines placedAt(double x, double y) {
        return new TemplateLines(Homography.scaleThenTranslate(0.6, 0.6, x, y));
    }

    static List<GlyphLine> glyphLines(List<TextLine> lines, int firstIndex) {
        List<GlyphLine> glyphs = new ArrayList<>();
        for (TextLine line : lines) {
            glyphs.add(GlyphLine.of(line, firstIndex + glyphs.size()));
        }
        return glyphs;
    }

    /** The anchors whose characters lie on these lines. */
    private static List<Anchor> anchorsOn(List<GlyphLine> lines, List<Anchor> anchors) {
        Set<Point> centers = lines.stream().flatMap(l -> l.glyphs().stream()).map(g -> g.center())
                .collect(Collectors.toSet());
        return anchors.stream().filter(a -> centers.contains(a.pair().from())).toList();
    }
}
