package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the lines read on a card into segments: runs of characters one box read with no printed label between them
 * and no gap wider than {@link #GAP} (about three characters), placed on the card template; a piece of a stamp's
 * phrase read in the same box as a value is a segment of its own, marked as stamp text. A segment is the unit
 * fields are assigned by: what one box read in one run belongs to one value, however far it reaches.
 *
 * <p>Lines that are not card text are discarded here, with a record: lines and runs read too unsurely to be text
 * ({@link #MIN_LINE_CONFIDENCE}), lines running across the card's rows (a diagonal watermark), and characters off
 * the card. Labels are the card's furniture: never part of a value, never recorded.
 *
 * <p>Pure and thread-safe.
 */
final class TextSegments {
    /**
     * Lines read with less confidence than this are noise (guilloche, a shadow): PaddleOCR's own drop score.
     * Correct card text scores above 0.9 even on screen re-shoots (measured on the development images).
     */
    static final float MIN_LINE_CONFIDENCE = 0.5f;
    /** Characters further apart than this along a line (template units; a value's pitch is 25–36) are two runs. */
    static final double GAP = 90;
    /**
     * A line of three or more characters turned more than this (degrees) from the card's rows is not printed card
     * text (a diagonal watermark): card lines run along the rows, give or take the fit's error of a degree or two.
     */
    static final double MAX_LINE_TILT = 10;
    /** Characters this far outside the card outline are someone else's text (template units). */
    private static final double CARD_MARGIN = 20;

    private TextSegments() {}

    /** A run of one line's characters; {@code stamp} when it is a piece of a stamp's phrase ({@link StampText}). */
    record Segment(List<PlacedGlyph> glyphs, boolean stamp) {}

    static List<Segment> of(List<GlyphLine> lines, CardFrame frame, List<DiscardedText> discarded) {
        List<Segment> segments = new ArrayList<>();
        for (GlyphLine line : lines) {
            List<Glyph> glyphs = line.glyphs().stream().filter(g -> !g.symbol().isBlank()).toList();
            if (glyphs.isEmpty()) {
                continue;
            }
            if (line.confidence() < MIN_LINE_CONFIDENCE) {
                discardIfOnCard(glyphs, frame, DiscardedText.UNSURE_LINE, discarded);
                continue;
            }
            if (glyphs.size() >= 3 && tiltDegrees(glyphs, frame) > MAX_LINE_TILT) {
                discardIfOnCard(glyphs, frame, DiscardedText.CROSSWISE_TEXT, discarded);
                continue;
            }
            List<PlacedGlyph> current = new ArrayList<>();
            boolean currentStamp = false;
            boolean[] stamp = StampText.phraseGlyphs(glyphs);
            double valueStart = Double.NEGATIVE_INFINITY;
            int offCard = 0;
            for (int i = 0; i < glyphs.size(); i++) {
                Glyph glyph = glyphs.get(i);
                String label = frame.labelGlyphs().get(glyph.center());
                Point card = frame.toCard(glyph.center());
                boolean gap = !current.isEmpty()
                        && current.get(current.size() - 1).card().distanceTo(card) > GAP;
                if (label != null || gap || !onCard(card) || stamp[i] != currentStamp) {
                    close(current, currentStamp, segments, discarded);
                    current = new ArrayList<>();
                    currentStamp = stamp[i];
                }
                if (label != null) {
                    // What follows a label in its line is that label's value, however the backend spaced it.
                    valueStart = frame.valueStarts().get(label);
                } else if (!onCard(card)) {
                    offCard++;
                } else {
                    current.add(new PlacedGlyph(glyph, card, new Point(Math.max(card.x(), valueStart), card.y())));
                }
            }
            close(current, currentStamp, segments, discarded);
            if (offCard > 0) {
                discarded.add(new DiscardedText(null, DiscardedText.OFF_CARD, offCard));
            }
        }
        return segments;
    }

    private static void close(List<PlacedGlyph> segment, boolean stamp, List<Segment> segments,
            List<DiscardedText> discarded) {
        if (segment.isEmpty()) {
            return;
        }
        double confidence = segment.stream().mapToDouble(g -> g.glyph().confidence()).average().orElse(0);
        if (confidence < MIN_LINE_CONFIDENCE) {
            // A run read as unsurely as a line that is noise is noise too (a speck beside a label: 址 + "面").
            discarded.add(new DiscardedText(null, DiscardedText.UNSURE_LINE, segment.size()));
            return;
        }
        segments.add(new Segment(List.copyOf(segment), stamp));
    }

    /**
     * How far the line's characters run from the card's rows, in degrees (0–180): from its first character to its
     * last, which follows the text even when the detector's box was pulled askew by a watermark crossing it.
     */
    static double tiltDegrees(List<Glyph> glyphs, CardFrame frame) {
        Point start = frame.toCard(glyphs.get(0).center());
        Point end = frame.toCard(glyphs.get(glyphs.size() - 1).center());
        return Math.abs(Math.toDegrees(Math.atan2(end.y() - start.y(), end.x() - start.x())));
    }

    private static void discardIfOnCard(List<Glyph> glyphs, CardFrame frame, String reason,
            List<DiscardedText> discarded) {
        long onCard = glyphs.stream().filter(g -> onCard(frame.toCard(g.center()))).count();
        if (onCard > 0) {
            discarded.add(new DiscardedText(null, reason, (int) onCard));
        }
    }

    private static boolean onCard(Point p) {
        return p.x() > -CARD_MARGIN && p.x() < CardTemplate.WIDTH + CARD_MARGIN
                && p.y() > -CARD_MARGIN && p.y() < CardTemplate.HEIGHT + CARD_MARGIN;
    }
}
