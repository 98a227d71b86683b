package io.idcardstream.engine.card;

import io.idcardstream.engine.card.AnchorMatcher.Anchor;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the printed labels were seen, once the card's frame is known: which glyphs are label text (never part of a
 * value) and where each label's value therefore starts.
 *
 * <p>A glyph is label text when it belongs to a matched label near its place ({@link #MATCH_DISTANCE}; backends
 * that spread characters evenly misplace labels by a few millimetres), when it is a label character read alone
 * near its own place ({@link #ALONE_DISTANCE}: "名" of a 姓名 whose 姓 was misread), or when it sits next to a
 * label character in the line exactly where that label's neighbouring character belongs
 * ({@link #PARTNER_DISTANCE}: the "旅" of a 民族 read as "民旅"). A look-alike elsewhere ("民族路" in an address) is
 * far from the label's place and stays a value.
 */
record LabelSightings(Map<Point, String> glyphs, Map<String, Double> valueStarts) {
    /** A matched label whose characters are this close to their places (template units) is label text. */
    static final double MATCH_DISTANCE = 90;
    /** A label character read alone this close to its place is label text. */
    static final double ALONE_DISTANCE = 35;
    /** A neighbour this close to where the label's next (or previous) character belongs is that character. */
    static final double PARTNER_DISTANCE = 15;

    private record Sighting(Glyph glyph, AnchorPhrase phrase, int index, Point onCard) {}

    static LabelSightings find(CardSide side, List<Anchor> anchors, List<GlyphLine> lines, Homography imageToCard) {
        Map<Point, Sighting> seen = new HashMap<>();
        Map<Point, Glyph> glyphsByCenter = new HashMap<>();
        lines.forEach(line -> line.glyphs().forEach(g -> glyphsByCenter.put(g.center(), g)));
        Map<String, AnchorPhrase> phrases = new HashMap<>();
        CardTemplate.anchors(side).forEach(p -> phrases.put(p.text(), p));

        // Matched labels (and their tails), when any of their characters is near its place.
        Map<String, Boolean> matchNearby = new HashMap<>();
        for (Anchor anchor : anchors) {
            if (anchor.index() >= 0) {
                boolean near = CardLocator.residual(anchor.pair(), imageToCard) <= MATCH_DISTANCE;
                matchNearby.merge(anchor.match(), near, Boolean::logicalOr);
            }
        }
        for (Anchor anchor : anchors) {
            AnchorPhrase phrase = phrases.get(anchor.phrase());
            Glyph glyph = glyphsByCenter.get(anchor.pair().from());
            if (phrase != null && glyph != null && matchNearby.getOrDefault(anchor.match(), false)) {
                seen.put(glyph.center(), new Sighting(glyph, phrase, anchor.index(),
                        imageToCard.apply(glyph.center())));
            }
        }
        // Label characters read alone, near their places.
        for (GlyphLine line : lines) {
            for (Glyph glyph : line.glyphs()) {
                Point onCard = imageToCard.apply(glyph.center());
                for (AnchorPhrase phrase : CardTemplate.anchors(side)) {
                    for (int i = 0; i < phrase.length(); i++) {
                        if (!seen.containsKey(glyph.center()) && phrase.symbol(i).equals(glyph.symbol())
                                && onCard.distanceTo(new Point(phrase.x(i), phrase.y())) <= ALONE_DISTANCE) {
                            seen.put(glyph.center(), new Sighting(glyph, phrase, i, onCard));
                        }
                    }
                }
            }
        }
        // Misread partners: the neighbours in the line where the label's other characters belong.
        for (GlyphLine line : lines) {
            List<Glyph> glyphs = line.glyphs();
            for (int k = 0; k < glyphs.size(); k++) {
                Sighting label = seen.get(glyphs.get(k).center());
                if (label == null || label.index() < 0) {
                    continue;
                }
                for (int step : new int[] {-1, 1}) {
                    for (int d = 1; ; d++) {
                        int at = k + step * d, index = label.index() + step * d;
                        if (at < 0 || at >= glyphs.size() || index < 0 || index >= label.phrase().length()) {
                            break;
                        }
                        Glyph neighbour = glyphs.get(at);
                        Point onCard = imageToCard.apply(neighbour.center());
                        Point expected = new Point(
                                label.onCard().x() + label.phrase().x(index) - label.phrase().x(label.index()),
                                label.onCard().y());
                        if (seen.containsKey(neighbour.center()) || onCard.distanceTo(expected) > PARTNER_DISTANCE) {
                            break;
                        }
                        seen.put(neighbour.center(), new Sighting(neighbour, label.phrase(), index, onCard));
                    }
                }
            }
        }
        Map<Point, String> labelGlyphs = new HashMap<>();
        Map<String, List<Double>> offsets = new HashMap<>();
        for (Sighting s : seen.values()) {
            labelGlyphs.put(s.glyph().center(), s.phrase().text());
            if (s.index() >= 0 && s.phrase().valueX() != Double.NEGATIVE_INFINITY) {
                offsets.computeIfAbsent(s.phrase().text(), t -> new ArrayList<>())
                        .add(s.onCard().x() - s.phrase().x(s.index()));
            }
        }
        Map<String, Double> valueStarts = new HashMap<>();
        offsets.forEach((text, list) -> valueStarts.put(text,
                phrases.get(text).valueX() + list.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        for (Sighting s : seen.values()) {
            // Titles and tails still end where their value (if any) begins: the phrase's own value start.
            valueStarts.putIfAbsent(s.phrase().text(), s.phrase().valueX());
        }
        return new LabelSightings(labelGlyphs, valueStarts);
    }
}
