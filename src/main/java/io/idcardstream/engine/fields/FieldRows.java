package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.identity.NationNames;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each one-line field's value is printed, as a band on the card template from the value's start to the
 * region's end, a little more than a line high: when the detector boxed nothing there (a short value beside its
 * label, faint print, a stamp's edge) or boxed it wrongly, the band is read as one line and the field taken from it
 * ({@link #withRowReading}). Pure and thread-safe.
 */
public final class FieldRows {
    /** Half a band's height (template units; characters are about 30 high). */
    static final double HALF_HEIGHT = 24;

    private record Row(FieldName field, String label, double left, double right, double y) {}

    private static final List<Row> ROWS = List.of(
            new Row(FieldName.NAME, "姓名", CardTemplate.FRONT_VALUE_X, 530, 110),
            new Row(FieldName.SEX, "性别", CardTemplate.FRONT_VALUE_X, 245, 170),
            new Row(FieldName.NATION, "民族", CardTemplate.NATION_VALUE_X, 530, 170),
            new Row(FieldName.BIRTH, "出生", CardTemplate.FRONT_VALUE_X, 530, 232),
            new Row(FieldName.ID_NUM, "公民身份", CardTemplate.ID_VALUE_X, CardTemplate.WIDTH - 10, CardTemplate.ID_Y),
            new Row(FieldName.AUTHORITY, "签发机关", CardTemplate.BACK_VALUE_X, CardTemplate.WIDTH - 10, 403),
            new Row(FieldName.VALID_DATE, "有效期限", CardTemplate.BACK_VALUE_X, CardTemplate.WIDTH - 10, 470));

    private FieldRows() {}

    /** The one-line fields of a side, in the API's order. */
    public static List<FieldName> of(CardSide side) {
        return ROWS.stream().map(Row::field).filter(f -> f.side() == side).toList();
    }

    /**
     * Narrower bands a sixth and a third of a line above and below the value's middle (offset, half height;
     * template units), tried in this order after the centred one: a stamp or watermark crossing the lower or upper
     * part of a line joins the line in the centred band and spoils its reading (a grey 复印无效 box over the ID
     * number's last digits), while a band that leaves the intruder out still holds most of each character.
     */
    private static final double[][] SHIFTED = {{-5, 20}, {5, 20}, {-10, 16}, {10, 16}};

    /** The band of {@code field}'s value in the image, starting where its label, when seen, says the value starts. */
    public static Quad band(FieldName field, CardFrame frame) {
        return band(field, frame, 0, HALF_HEIGHT);
    }

    /** The centred band of {@code field}'s value, then the {@link #SHIFTED} ones, for a value still not read. */
    public static List<Quad> bands(FieldName field, CardFrame frame) {
        List<Quad> bands = new ArrayList<>(List.of(band(field, frame)));
        for (double[] shift : SHIFTED) {
            bands.add(band(field, frame, shift[0], shift[1]));
        }
        return bands;
    }

    private static Quad band(FieldName field, CardFrame frame, double offset, double halfHeight) {
        Row row = ROWS.stream().filter(r -> r.field() == field).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + " is not a one-line field"));
        double left = frame.valueStarts().getOrDefault(row.label(), row.left());
        double y = row.y() + offset;
        return Quad.rectangle(left, y - halfHeight, row.right(), y + halfHeight).map(frame.cardToImage());
    }

    /** ... and stand at most this many times the name's own pitch after it (not a watermark's character further on). */
    static final double NEXT_CHARACTER = 1.6;
    static final String NOT_PART_OF_NATION = "NOT_PART_OF_NATION";
    /** A character the band adds to a value must be read at least this surely. */
    static final float ADDED_CHARACTER = 0.8f;

    /**
     * The card with a two-character name taken from {@code line} (the name's band read as one line) when the band
     * reads the same name with one more character right after it, read surely and not a stamp's or watermark's: the
     * detector's box of a short line often stops inside its last character, which is then lost; the band reaches
     * the region's end. Otherwise the card unchanged.
     */
    public static ExtractedCard withLongerName(ExtractedCard card, GlyphLine line, int imageWidth, int imageHeight) {
        String name = card.fields().name();
        List<Glyph> glyphs = line.glyphs().stream().filter(g -> Character.isIdeographic(g.symbol().codePointAt(0))
                || g.symbol().equals("·")).toList();
        String longer = text(glyphs);
        if (name.codePointCount(0, name.length()) != 2 || longer.codePointCount(0, longer.length()) != 3
                || !longer.startsWith(name) || glyphs.get(2).confidence() < ADDED_CHARACTER
                || StampText.isStamp(glyphs.get(2).symbol())
                || glyphs.get(1).center().distanceTo(glyphs.get(2).center())
                        > NEXT_CHARACTER * glyphs.get(0).center().distanceTo(glyphs.get(1).center())) {
            return card;
        }
        return replaced(card, FieldName.NAME, line.glyphs().stream().filter(glyphs::contains).toList(), imageWidth,
                imageHeight);
    }

    /**
     * The card with {@code field} taken from {@code line} (its band read as one line), stamp phrases left out, when
     * the card's own value is not of the field's form and the band's is; otherwise the card unchanged.
     */
    public static ExtractedCard withRowReading(ExtractedCard card, FieldName field, GlyphLine line, int imageWidth,
            int imageHeight) {
        if (Completeness.wellFormed(field, card.fields().get(field))) {
            return card;
        }
        List<Glyph> glyphs = line.glyphs().stream().filter(g -> !g.symbol().isBlank()).toList();
        boolean[] stamp = StampText.phraseGlyphs(glyphs);
        List<Glyph> kept = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            if (!stamp[i]) {
                kept.add(glyphs.get(i));
            }
        }
        if (kept.isEmpty() || StampText.isStamp(text(kept))) {
            return card;
        }
        List<Glyph> nation = field == FieldName.NATION ? leadingNation(kept) : kept;
        ExtractedCard reread = replaced(card, field, nation, imageWidth, imageHeight);
        if (nation.size() < kept.size()) {
            List<FieldCorrection> cleanups = new ArrayList<>(reread.cleanups());
            cleanups.add(new FieldCorrection(field, text(kept), reread.fields().get(field), NOT_PART_OF_NATION));
            reread = reread.withFields(reread.fields(), cleanups);
        }
        String value = reread.fields().get(field);
        return Completeness.wellFormed(field, value) || card.fields().get(field).isEmpty() ? reread : card;
    }

    /**
     * The glyphs of the longest nation name the band's reading starts with, each read at least
     * {@link #ADDED_CHARACTER} surely, when more follows it (汉 then 茶: a stamp's 禁 over the rest of the band,
     * which the band reaches but the value does not); otherwise all of them. Nothing but the value is printed in
     * its band, and no nation's name is another's followed by a character that is not part of it.
     */
    static List<Glyph> leadingNation(List<Glyph> glyphs) {
        StringBuilder prefix = new StringBuilder();
        int longest = 0;
        for (int i = 0; i < glyphs.size() && glyphs.get(i).confidence() >= ADDED_CHARACTER; i++) {
            prefix.append(glyphs.get(i).symbol());
            if (NationNames.isKnown(prefix.toString())) {
                longest = i + 1;
            }
        }
        return longest == 0 || NationNames.isKnown(text(glyphs)) ? glyphs : glyphs.subList(0, longest);
    }

    private static String text(List<Glyph> glyphs) {
        return glyphs.stream().map(Glyph::symbol).reduce("", String::concat);
    }

    private static ExtractedCard replaced(ExtractedCard card, FieldName field, List<Glyph> glyphs, int imageWidth,
            int imageHeight) {
        List<PlacedGlyph> placed = new ArrayList<>();
        for (Glyph glyph : glyphs) {
            Point onCard = card.frame().toCard(glyph.center());
            placed.add(new PlacedGlyph(glyph, onCard, onCard));
        }
        placed.sort(Comparator.comparingDouble(p -> p.card().x()));
        FieldReading reading = CardFieldExtractor.reading(field, placed, card.frame(), imageWidth, imageHeight);
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        readings.putAll(card.readings());
        readings.put(field, reading);
        List<FieldCorrection> cleanups = card.cleanups().stream().filter(c -> c.field() != field).toList();
        return new ExtractedCard(card.side(), card.fields().with(field, reading.value()), readings, card.frame(),
                cleanups, card.discarded());
    }
}
