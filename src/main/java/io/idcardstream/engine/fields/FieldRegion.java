package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Map;

/**
 * Where a field's value is printed on the {@link CardTemplate}: a rectangle in template units (0.1 mm). Values
 * start right of their label ({@code label}); when that label was seen, the value starts where the label says
 * (see {@code CardFrame.valueStarts}), otherwise at {@code left}. Front values other than the ID number stop short
 * of the portrait.
 */
record FieldRegion(FieldName field, String label, double left, double top, double right, double bottom) {

    /** The portrait starts here; only the ID number's row runs under it. */
    private static final double PORTRAIT_LEFT = 530;

    static final List<FieldRegion> FRONT = List.of(
            new FieldRegion(FieldName.NAME, "姓名", CardTemplate.FRONT_VALUE_X, 70, PORTRAIT_LEFT, 140),
            new FieldRegion(FieldName.SEX, "性别", CardTemplate.FRONT_VALUE_X, 140, 245, 201),
            new FieldRegion(FieldName.NATION, "民族", CardTemplate.NATION_VALUE_X, 140, PORTRAIT_LEFT, 201),
            new FieldRegion(FieldName.BIRTH, "出生", CardTemplate.FRONT_VALUE_X, 201, PORTRAIT_LEFT, 265),
            new FieldRegion(FieldName.ADDRESS, "住址", CardTemplate.FRONT_VALUE_X, 265, PORTRAIT_LEFT, 425),
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
}
