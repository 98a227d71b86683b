package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.engine.text.GlyphLine;
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

    /** The band of {@code field}'s value in the image, starting where its label, when seen, says the value starts. */
    public static Quad band(FieldName field, CardFrame frame) {
        Row row = ROWS.stream().filter(r -> r.field() == field).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + " is not a one-line field"));
        double left = frame.valueStarts().getOrDefault(row.label(), row.left());
        return Quad.rectangle(left, row.y() - HALF_HEIGHT, row.right(), row.y() + HALF_HEIGHT).map(frame.cardToImage());
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
        List<PlacedGlyph> placed = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            if (!stamp[i]) {
                Point onCard = card.frame().toCard(glyphs.get(i).center());
                placed.add(new PlacedGlyph(glyphs.get(i), onCard, onCard));
            }
        }
        placed.sort(Comparator.comparingDouble(p -> p.card().x()));
        if (placed.isEmpty() || StampText.isStamp(CardFieldExtractor.text(placed))) {
            return card;
        }
        FieldReading reading = CardFieldExtractor.reading(field, placed, card.frame(), imageWidth, imageHeight);
        if (!Completeness.wellFormed(field, reading.value()) && !card.fields().get(field).isEmpty()) {
            return card;
        }
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        readings.putAll(card.readings());
        readings.put(field, reading);
        List<FieldCorrection> cleanups = card.cleanups().stream().filter(c -> c.field() != field).toList();
        return new ExtractedCard(card.side(), card.fields().with(field, reading.value()), readings, card.frame(),
                cleanups, card.discarded());
    }
}
