package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a field's value starts on the {@link CardTemplate}: a rectangle in template units (0.1 mm). Values
 * start right of their label ({@code label}); when that label was seen, the value starts where the label says
 * (see {@code CardFrame.valueStarts}), otherwise at {@code left}. The right edges say where a value may begin, not
 * where it must end: a segment belongs to the field holding most of its characters and is kept whole
 * ({@link #fieldOf}).
 */
record FieldRegion(FieldName field, String label, double left, double top, double right, double bottom) {

    /** The portrait starts here; only the ID number's row runs under it. */
    private static final double PORTRAIT_LEFT = 530;
    /**
     * Rows below the address's first line carry no label, yet the specimen stamp "样证" sits there, reaching into
     * the value column's edge; address lines there start at least ~0.7 mm further right (measured on the
     * development cards).
     */
    private static final double ADDRESS_SECOND_ROW_TOP = 318, UNLABELLED_ROW_VALUE_X = 157;

    static final List<FieldRegion> FRONT = List.of(
            new FieldRegion(FieldName.NAME, "姓名", CardTemplate.FRONT_VALUE_X, 70, PORTRAIT_LEFT, 140),
            new FieldRegion(FieldName.SEX, "性别", CardTemplate.FRONT_VALUE_X, 140, 245, 201),
            new FieldRegion(FieldName.NATION, "民族", CardTemplate.NATION_VALUE_X, 140, PORTRAIT_LEFT, 201),
            new FieldRegion(FieldName.BIRTH, "出生", CardTemplate.FRONT_VALUE_X, 201, PORTRAIT_LEFT, 265),
            new FieldRegion(FieldName.ADDRESS, "住址", CardTemplate.FRONT_VALUE_X, 265, PORTRAIT_LEFT,
                    ADDRESS_SECOND_ROW_TOP),
            new FieldRegion(FieldName.ADDRESS, "", UNLABELLED_ROW_VALUE_X, ADDRESS_SECOND_ROW_TOP, PORTRAIT_LEFT,
                    425),
            new FieldRegion(FieldName.ID_NUM, "公民身份", CardTemplate.ID_VALUE_X, 425, 830, 515));

    static final List<FieldRegion> BACK = List.of(
            new FieldRegion(FieldName.AUTHORITY, "签发机关", CardTemplate.BACK_VALUE_X, 370, 830, 436),
            new FieldRegion(FieldName.VALID_DATE, "有效期限", CardTemplate.BACK_VALUE_X, 436, 830, 515));

    static List<FieldRegion> of(CardSide side) {
        return side == CardSide.FRONT ? FRONT : BACK;
    }

    /** @param valueStarts where the seen labels' values start ({@code CardFrame.valueStarts}) */
    boolean contains(Point p, Map<String, Double> valueStarts) {
        double start = valueStarts.getOrDefault(label, left);
        return p.x() >= start && p.x() < right && p.y() >= top && p.y() < bottom;
    }

    /** The fields whose rows (at any x) hold at least one of the segment's characters, in the API's order. */
    static java.util.Set<FieldName> rowsOf(List<PlacedGlyph> segment, CardSide side) {
        java.util.Set<FieldName> fields = java.util.EnumSet.noneOf(FieldName.class);
        for (PlacedGlyph glyph : segment) {
            for (FieldRegion region : of(side)) {
                if (glyph.card().y() >= region.top() && glyph.card().y() < region.bottom()) {
                    fields.add(region.field());
                }
            }
        }
        return fields;
    }

    /**
     * How many of the segment's first characters lie left of where {@code field}'s value starts: a label misread
     * as something else (么 for 姓名) or a stamp in the label column, never the value's own start.
     */
    static int leadingLabelColumn(List<PlacedGlyph> segment, FieldName field, CardSide side,
            Map<String, Double> valueStarts) {
        int count = 0;
        for (PlacedGlyph glyph : segment) {
            boolean leftOfValue = false;
            for (FieldRegion region : of(side)) {
                if (region.field() == field && glyph.region().y() >= region.top() && glyph.region().y() < region.bottom()
                        && glyph.region().x() < valueStarts.getOrDefault(region.label(), region.left())) {
                    leftOfValue = true;
                }
            }
            if (!leftOfValue) {
                break;
            }
            count++;
        }
        return count;
    }

    /**
     * The field whose region holds most of the segment's characters (the first's on a tie); empty when more of them
     * lie outside every region than in that one.
     */
    static Optional<FieldName> fieldOf(List<PlacedGlyph> segment, CardSide side, Map<String, Double> valueStarts) {
        Map<FieldName, Integer> votes = new EnumMap<>(FieldName.class);
        FieldName first = null;
        int outside = 0;
        for (PlacedGlyph glyph : segment) {
            FieldName field = null;
            for (FieldRegion region : of(side)) {
                if (region.contains(glyph.region(), valueStarts)) {
                    field = region.field();
                    break;
                }
            }
            if (field == null) {
                outside++;
            } else {
                votes.merge(field, 1, Integer::sum);
                first = first == null ? field : first;
            }
        }
        FieldName best = first;
        for (Map.Entry<FieldName, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > votes.get(best)) {
                best = vote.getKey();
            }
        }
        return best == null || outside > votes.get(best) ? Optional.empty() : Optional.of(best);
    }
}
