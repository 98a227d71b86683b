package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardLocator;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the card's fields out of text lines from any OCR backend, by where each character sits on the card: the
 * lines are placed on the {@link CardTemplate} through the {@link CardFrame} their printed labels define (see
 * {@link CardLocator}), and every character falls into a field's region or is ignored (labels, the portrait, a
 * specimen stamp, text off the card). This keys on the fixed layout, never on how many boxes a backend made:
 * "民族汉" in one box and "民族" + "汉" in two give the same Nation, and a misread label costs nothing but an anchor.
 *
 * <p>Stateless and thread-safe.
 */
public final class CardFieldExtractor {
    /** Characters further apart than this (template units) vertically start a new row of a multi-line field. */
    static final double ROW_GAP = 18;
    /**
     * Lines read with less confidence than this are noise (guilloche, a shadow): PaddleOCR's own drop score.
     * Correct card text scores above 0.9 even on screen re-shoots (measured on the development images).
     */
    static final float MIN_LINE_CONFIDENCE = 0.5f;
    /** Two readings of one symbol closer than this (template units; characters are ~30 apart) are one character. */
    static final double SAME_PLACE = 12;
    /** Template rows below the first address row and above the ID number carry no label. */
    private static final double ADDRESS_SECOND_ROW_TOP = 318, ID_ROW_TOP = 425;
    private static final double UNLABELLED_ROW_VALUE_X = 157;
    /** Half a character cell on the template, for the field polygons. */
    private static final double HALF_CELL_X = 14, HALF_CELL_Y = 17;
    /** Characters this far outside the card outline are someone else's text (template units). */
    private static final double CARD_MARGIN = 20;

    private CardFieldExtractor() {}

    /**
     * Extracts the fields from lines of any backend (Tesseract in the benchmark, PP-OCR here): characters are
     * placed evenly along each line's box.
     *
     * @param lines the lines read from the image, corners in reading order
     * @param imageWidth the image's width in pixels (field polygons are clipped to the image)
     * @param imageHeight the image's height in pixels
     * @param side the side to read; null reads the side best supported by printed labels
     * @return the fields of that side, or {@link ExtractedCard#NONE} when no card of that side was found
     */
    public static ExtractedCard extract(List<TextLine> lines, int imageWidth, int imageHeight, CardSide side) {
        List<GlyphLine> glyphLines = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            glyphLines.add(GlyphLine.of(lines.get(i), i));
        }
        Optional<CardFrame> frame = choose(CardLocator.locate(glyphLines), side);
        return frame.map(f -> extract(glyphLines, f, imageWidth, imageHeight)).orElse(ExtractedCard.NONE);
    }

    /** The frame of the requested side, or the best supported one when {@code side} is null. */
    public static Optional<CardFrame> choose(List<CardFrame> frames, CardSide side) {
        return frames.stream().filter(f -> side == null || f.side() == side).findFirst();
    }

    /** Extracts the fields of the card in {@code frame} from positioned characters. */
    public static ExtractedCard extract(List<GlyphLine> lines, CardFrame frame, int imageWidth, int imageHeight) {
        Map<FieldName, List<Placed>> byField = new EnumMap<>(FieldName.class);
        for (GlyphLine line : lines) {
            if (line.confidence() < MIN_LINE_CONFIDENCE) {
                continue;
            }
            List<Placed> placed = new ArrayList<>();
            double valueStart = Double.NEGATIVE_INFINITY;
            for (Glyph glyph : line.glyphs()) {
                String label = frame.labelGlyphs().get(glyph.center());
                if (label != null) {
                    valueStart = frame.valueStarts().get(label);
                    continue;
                }
                Point card = frame.toCard(glyph.center());
                // What follows a label in its line is that label's value, however the backend spaced it.
                Point region = new Point(Math.max(card.x(), valueStart), card.y());
                placed.add(new Placed(glyph, card, region));
            }
            placed.removeIf(p -> !onCard(p.card()) || p.glyph().symbol().isBlank());
            removeStamp(placed, frame.side());
            for (Placed p : placed) {
                for (FieldRegion region : FieldRegion.of(frame.side())) {
                    if (region.contains(p.region(), frame.valueStarts())) {
                        byField.computeIfAbsent(region.field(), f -> new ArrayList<>()).add(p);
                        break;
                    }
                }
            }
        }
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        byField.forEach((field, glyphs) -> readings.put(field,
                reading(field, withoutDuplicates(glyphs), frame, imageWidth, imageHeight)));
        CardFields fields = CardFields.EMPTY;
        List<FieldCorrection> cleanups = new ArrayList<>();
        for (FieldReading reading : readings.values()) {
            fields = fields.with(reading.field(), reading.value());
            if (FieldFormats.specksDropped(reading.field(), reading.raw())) {
                cleanups.add(new FieldCorrection(reading.field(), reading.raw().replaceAll("\\s+", ""),
                        reading.value(), "PUNCTUATION_SPECKS_DROPPED"));
            }
        }
        return new ExtractedCard(frame.side(), fields, readings, frame, cleanups);
    }

    /**
     * A glyph on the template: where it is ({@code card}) and where it counts for the field regions
     * ({@code region}: moved right of the value start of a label that precedes it in its line).
     */
    private record Placed(Glyph glyph, Point card, Point region) {}

    /**
     * On the front's rows below the address's first line no label is printed, yet the specimen stamp "样证" sits
     * there, reaching into the value column's edge; address lines there start at least ~0.7 mm further right
     * (measured on the development cards). Characters left of that are the stamp's. (The engine also drops red
     * characters before extraction; this rule is what a backend without colour gets.)
     */
    private static void removeStamp(List<Placed> line, CardSide side) {
        if (side == CardSide.FRONT) {
            line.removeIf(p -> p.card().y() > ADDRESS_SECOND_ROW_TOP && p.card().y() < ID_ROW_TOP
                    && p.card().x() < UNLABELLED_ROW_VALUE_X);
        }
    }

    private static boolean onCard(Point p) {
        return p.x() > -CARD_MARGIN && p.x() < CardTemplate.WIDTH + CARD_MARGIN
                && p.y() > -CARD_MARGIN && p.y() < CardTemplate.HEIGHT + CARD_MARGIN;
    }

    private static FieldReading reading(FieldName field, List<Placed> glyphs, CardFrame frame, int imageWidth,
            int imageHeight) {
        List<Placed> ordered = readingOrder(glyphs);
        StringBuilder raw = new StringBuilder();
        double confidence = 0;
        double left = Double.POSITIVE_INFINITY, top = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        for (Placed p : ordered) {
            raw.append(p.glyph().symbol());
            confidence += p.glyph().confidence();
            left = Math.min(left, p.card().x() - HALF_CELL_X);
            right = Math.max(right, p.card().x() + HALF_CELL_X);
            top = Math.min(top, p.card().y() - HALF_CELL_Y);
            bottom = Math.max(bottom, p.card().y() + HALF_CELL_Y);
        }
        Quad inImage = Quad.rectangle(left, top, right, bottom).map(frame.cardToImage());
        List<FieldEvidence.Point> polygon = inImage.corners().stream()
                .map(c -> new FieldEvidence.Point(clamp(c.x(), imageWidth), clamp(c.y(), imageHeight)))
                .toList();
        float mean = (float) Math.max(0, Math.min(1, confidence / ordered.size()));
        return new FieldReading(field, raw.toString(), FieldFormats.format(field, raw.toString()),
                ordered.stream().map(Placed::glyph).toList(), mean, polygon);
    }

    /**
     * One reading of each printed character: when two overlapping boxes both read it (a stray one-character box
     * over the start of a line), the same symbol appears twice at the same place; the surer one is kept.
     */
    private static List<Placed> withoutDuplicates(List<Placed> glyphs) {
        List<Placed> kept = new ArrayList<>();
        for (Placed p : glyphs) {
            boolean duplicate = false;
            for (int i = 0; i < kept.size(); i++) {
                Placed other = kept.get(i);
                if (other.glyph().line() != p.glyph().line() && other.glyph().symbol().equals(p.glyph().symbol())
                        && other.card().distanceTo(p.card()) < SAME_PLACE) {
                    duplicate = true;
                    if (p.glyph().confidence() > other.glyph().confidence()) {
                        kept.set(i, p);
                    }
                    break;
                }
            }
            if (!duplicate) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Rows top to bottom (a new row where the vertical gap exceeds {@link #ROW_GAP}), each left to right. */
    private static List<Placed> readingOrder(List<Placed> glyphs) {
        List<Placed> byY = new ArrayList<>(glyphs);
        byY.sort(Comparator.comparingDouble(p -> p.card().y()));
        List<List<Placed>> rows = new ArrayList<>();
        double previousY = Double.NEGATIVE_INFINITY;
        for (Placed p : byY) {
            if (rows.isEmpty() || p.card().y() - previousY > ROW_GAP) {
                rows.add(new ArrayList<>());
            }
            rows.get(rows.size() - 1).add(p);
            previousY = p.card().y();
        }
        List<Placed> ordered = new ArrayList<>(glyphs.size());
        for (List<Placed> row : rows) {
            row.sort(Comparator.comparingDouble(p -> p.card().x()));
            ordered.addAll(row);
        }
        return ordered;
    }

    private static int clamp(double v, int size) {
        return (int) Math.round(Math.max(0, Math.min(size - 1, v)));
    }
}
