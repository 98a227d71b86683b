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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the card's fields out of text lines from any OCR backend, by where the text sits on the card: the lines
 * are placed on the {@link CardTemplate} through the {@link CardFrame} their printed labels define (see
 * {@link CardLocator}) and cut into {@linkplain TextSegments segments} (what one box read between labels and wide
 * gaps). A segment goes whole to the field whose region holds most of its characters — a value that runs past its
 * region's edge (card designs differ by millimetres) keeps its last characters — and a field's segments are joined
 * in reading order, rows top to bottom. This keys on the fixed layout, never on how many boxes a backend made:
 * "民族汉" in one box and "民族" + "汉" in two give the same Nation, and a misread label costs nothing but an anchor.
 *
 * <p>Nothing recognised disappears without a record: segments that are stamp text, off the card or outside every
 * field are listed in {@link ExtractedCard#discarded()}, and characters dropped from inside a field (stamp text over
 * the value, a second reading of the same character, what cannot be part of an ID number) are
 * {@link FieldCorrection}s giving the text as read.
 *
 * <p>Stateless and thread-safe.
 */
public final class CardFieldExtractor {
    /** Characters further apart than this (template units) vertically start a new row of a multi-line field. */
    static final double ROW_GAP = 18;
    /** Two readings of one symbol closer than this (template units; characters are ~30 apart) are one character. */
    static final double SAME_PLACE = 12;
    /** Half a character cell on the template, for the field polygons. */
    private static final double HALF_CELL_X = 14, HALF_CELL_Y = 17;

    /** Why characters inside a field's region were left out of its value. */
    static final String STAMP_TEXT_DROPPED = "STAMP_TEXT_DROPPED", DUPLICATE_READING_DROPPED =
            "DUPLICATE_READING_DROPPED", NOT_PART_OF_ID_NUMBER = "NOT_PART_OF_ID_NUMBER";

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
        List<DiscardedText> discarded = new ArrayList<>();
        Map<FieldName, List<PlacedGlyph>> kept = new EnumMap<>(FieldName.class);
        Map<FieldName, Map<String, List<PlacedGlyph>>> dropped = new EnumMap<>(FieldName.class);
        for (TextSegments.Segment run : TextSegments.of(lines, frame, discarded)) {
            List<PlacedGlyph> segment = run.glyphs();
            Optional<FieldName> field = FieldRegion.fieldOf(segment, frame.side(), frame.valueStarts());
            if (run.stamp() || StampText.isStamp(text(segment))) {
                if (field.isPresent()) {
                    drop(dropped, field.get(), STAMP_TEXT_DROPPED, segment);
                } else {
                    // A stamp beside a value's row still lies over that row: recorded against it, its confidence
                    // says so (FieldConfidence).
                    var rows = FieldRegion.rowsOf(segment, frame.side());
                    if (rows.isEmpty()) {
                        discarded.add(new DiscardedText(null, DiscardedText.STAMP_TEXT, segment.size()));
                    }
                    rows.forEach(f -> discarded.add(new DiscardedText(f, DiscardedText.STAMP_TEXT, segment.size())));
                }
            } else if (field.isEmpty()) {
                discarded.add(new DiscardedText(null, DiscardedText.OUTSIDE_FIELDS, segment.size()));
            } else {
                int labelColumn = FieldRegion.leadingLabelColumn(segment, field.get(), frame.side(),
                        frame.valueStarts());
                if (labelColumn > 0) {
                    discarded.add(new DiscardedText(field.get(), DiscardedText.LABEL_COLUMN, labelColumn));
                }
                List<PlacedGlyph> value = segment.subList(labelColumn, segment.size());
                int head = StampText.gluedAt(value, true);
                int tail = StampText.gluedAt(value.subList(head, value.size()), false);
                if (head + tail > 0) {
                    drop(dropped, field.get(), STAMP_TEXT_DROPPED, value.subList(0, head));
                    drop(dropped, field.get(), STAMP_TEXT_DROPPED, value.subList(value.size() - tail, value.size()));
                }
                kept.computeIfAbsent(field.get(), f -> new ArrayList<>())
                        .addAll(value.subList(head, value.size() - tail));
            }
        }
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        List<FieldCorrection> cleanups = new ArrayList<>();
        for (Map.Entry<FieldName, List<PlacedGlyph>> entry : kept.entrySet()) {
            FieldName field = entry.getKey();
            List<PlacedGlyph> glyphs = withoutDuplicates(readingOrder(entry.getValue()), field, dropped, discarded);
            if (field == FieldName.ID_NUM) {
                List<PlacedGlyph> number = IdNumberGlyphs.select(glyphs);
                glyphs.stream().filter(g -> !number.contains(g))
                        .forEach(g -> drop(dropped, field, NOT_PART_OF_ID_NUMBER, List.of(g)));
                glyphs = number;
            }
            if (glyphs.isEmpty()) {
                continue;
            }
            FieldReading reading = reading(field, glyphs, frame, imageWidth, imageHeight);
            readings.put(field, reading);
            dropped.getOrDefault(field, Map.of()).forEach((reason, gone) -> cleanups.add(new FieldCorrection(field,
                    text(readingOrder(union(entry.getValue(), gone))), reading.value(), reason)));
            if (FieldFormats.specksDropped(field, reading.raw())) {
                cleanups.add(new FieldCorrection(field, reading.raw().replaceAll("\\s+", ""), reading.value(),
                        "PUNCTUATION_SPECKS_DROPPED"));
            }
        }
        dropped.forEach((field, byReason) -> {
            if (!readings.containsKey(field)) {
                byReason.forEach((reason, gone) -> discarded.add(new DiscardedText(field,
                        reason.equals(STAMP_TEXT_DROPPED) ? DiscardedText.STAMP_TEXT : reason, gone.size())));
            }
        });
        CardFields fields = CardFields.EMPTY;
        for (FieldReading reading : readings.values()) {
            fields = fields.with(reading.field(), reading.value());
        }
        return new ExtractedCard(frame.side(), fields, readings, frame, cleanups, discarded);
    }

    /**
     * The card with its ID number taken from {@code band} (the number's row read as one line, straight from where
     * the frame puts it) when that reading is the better number: a stamp or a frame line over the digits breaks
     * detection into fragments that a reading of the whole row avoids. A valid number (check character right) beats
     * one that is not; eighteen characters of the number's form beat fewer, unless the fewer were all read surely
     * (some specimens print seventeen digits, and noise beside them must not make an eighteenth).
     */
    public static ExtractedCard withIdNumberFrom(GlyphLine band, ExtractedCard card, int imageWidth,
            int imageHeight) {
        if (card.side() != CardSide.FRONT) {
            return card;
        }
        List<PlacedGlyph> placed = new ArrayList<>();
        for (Glyph glyph : band.glyphs()) {
            Point onCard = card.frame().toCard(glyph.center());
            placed.add(new PlacedGlyph(glyph, onCard, onCard));
        }
        List<PlacedGlyph> number = IdNumberGlyphs.select(placed);
        if (number.isEmpty()) {
            return card;
        }
        FieldReading reading = reading(FieldName.ID_NUM, number, card.frame(), imageWidth, imageHeight);
        int current = idNumberRank(card.reading(FieldName.ID_NUM));
        if (idNumberRank(Optional.of(reading)) <= current) {
            return card;
        }
        Map<FieldName, FieldReading> readings = new EnumMap<>(card.readings());
        readings.put(FieldName.ID_NUM, reading);
        List<FieldCorrection> cleanups = card.cleanups().stream().filter(c -> c.field() != FieldName.ID_NUM).toList();
        return new ExtractedCard(card.side(), card.fields().with(FieldName.ID_NUM, reading.value()), readings,
                card.frame(), cleanups, card.discarded());
    }

    /** 3: a valid number; 2: eighteen characters of its form, or seventeen digits all read surely; 0: other. */
    private static int idNumberRank(Optional<FieldReading> reading) {
        if (reading.isEmpty()) {
            return 0;
        }
        String value = reading.get().value();
        if (io.idcardstream.identity.ResidentIdNumber.parse(value)
                .map(io.idcardstream.identity.ResidentIdNumber::checkDigitValid).orElse(false)) {
            return 3;
        }
        if (value.matches("[1-9]\\d{16}[\\dX]")) {
            return 2;
        }
        boolean sure = reading.get().glyphs().stream().allMatch(g -> g.confidence() >= FieldRectifier.UNCERTAIN);
        return sure && value.matches("\\d{17}") ? 2 : 0;
    }

    private static void drop(Map<FieldName, Map<String, List<PlacedGlyph>>> dropped, FieldName field, String reason,
            List<PlacedGlyph> glyphs) {
        dropped.computeIfAbsent(field, f -> new LinkedHashMap<>()).computeIfAbsent(reason, r -> new ArrayList<>())
                .addAll(glyphs);
    }

    private static List<PlacedGlyph> union(List<PlacedGlyph> a, List<PlacedGlyph> b) {
        List<PlacedGlyph> all = new ArrayList<>(a);
        b.stream().filter(g -> !a.contains(g)).forEach(all::add);
        return all;
    }

    static String text(List<PlacedGlyph> glyphs) {
        StringBuilder s = new StringBuilder();
        glyphs.forEach(g -> s.append(g.symbol()));
        return s.toString();
    }

    static FieldReading reading(FieldName field, List<PlacedGlyph> ordered, CardFrame frame, int imageWidth,
            int imageHeight) {
        StringBuilder raw = new StringBuilder();
        double confidence = 0;
        double left = Double.POSITIVE_INFINITY, top = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        for (PlacedGlyph p : ordered) {
            raw.append(p.symbol());
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
                ordered.stream().map(PlacedGlyph::glyph).toList(), mean, polygon);
    }

    /**
     * One reading of each printed character: when two overlapping boxes both read it (a stray one-character box
     * over the start of a line, two boxes sharing a character at their ends), it appears twice at the same place.
     * Read as the same symbol, the second reading is simply not kept (recorded as discarded); read as two different
     * symbols, the surer one is kept and the other is a correction of the value, since that was a choice.
     */
    private static List<PlacedGlyph> withoutDuplicates(List<PlacedGlyph> glyphs, FieldName field,
            Map<FieldName, Map<String, List<PlacedGlyph>>> dropped, List<DiscardedText> discarded) {
        List<PlacedGlyph> kept = new ArrayList<>();
        int repeats = 0;
        for (PlacedGlyph p : glyphs) {
            PlacedGlyph twin = null;
            for (PlacedGlyph other : kept) {
                if (other.glyph().line() != p.glyph().line() && other.card().distanceTo(p.card()) < SAME_PLACE) {
                    twin = other;
                    break;
                }
            }
            if (twin == null) {
                kept.add(p);
                continue;
            }
            PlacedGlyph loser = p.glyph().confidence() > twin.glyph().confidence() ? twin : p;
            if (loser == twin) {
                kept.set(kept.indexOf(twin), p);
            }
            if (twin.symbol().equals(p.symbol())) {
                repeats++;
            } else {
                drop(dropped, field, DUPLICATE_READING_DROPPED, List.of(loser));
            }
        }
        if (repeats > 0) {
            discarded.add(new DiscardedText(field, DiscardedText.READ_TWICE, repeats));
        }
        return kept;
    }

    /** Rows top to bottom (a new row where the vertical gap exceeds {@link #ROW_GAP}), each left to right. */
    static List<PlacedGlyph> readingOrder(List<PlacedGlyph> glyphs) {
        List<PlacedGlyph> byY = new ArrayList<>(glyphs);
        byY.sort(Comparator.comparingDouble(p -> p.card().y()));
        List<List<PlacedGlyph>> rows = new ArrayList<>();
        double previousY = Double.NEGATIVE_INFINITY;
        for (PlacedGlyph p : byY) {
            if (rows.isEmpty() || p.card().y() - previousY > ROW_GAP) {
                rows.add(new ArrayList<>());
            }
            rows.get(rows.size() - 1).add(p);
            previousY = p.card().y();
        }
        List<PlacedGlyph> ordered = new ArrayList<>(glyphs.size());
        for (List<PlacedGlyph> row : rows) {
            row.sort(Comparator.comparingDouble(p -> p.card().x()));
            ordered.addAll(row);
        }
        return ordered;
    }

    private static int clamp(double v, int size) {
        return (int) Math.round(Math.max(0, Math.min(size - 1, v)));
    }
}
