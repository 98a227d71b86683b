package io.idcardstream.engine.fields;

import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.List;

/**
 * Where a field's value is printed on the {@link CardTemplate}: a rectangle in template units (0.1 mm). Values
 * start right of the label column; front values other than the ID number stop short of the portrait.
 */
record FieldRegion(FieldName field, double left, double top, double right, double bottom) {

    /** The portrait starts here; only the ID number's row runs under it. */
    private static final double PORTRAIT_LEFT = 530;

    static final List<FieldRegion> FRONT = List.of(
            new FieldRegion(FieldName.NAME, CardTemplate.FRONT_VALUE_X, 70, PORTRAIT_LEFT, 140),
            new FieldRegion(FieldName.SEX, CardTemplate.FRONT_VALUE_X, 140, 245, 201),
            new FieldRegion(FieldName.NATION, 335, 140, PORTRAIT_LEFT, 201),
            new FieldRegion(FieldName.BIRTH, CardTemplate.FRONT_VALUE_X, 201, PORTRAIT_LEFT, 265),
            new FieldRegion(FieldName.ADDRESS, CardTemplate.FRONT_VALUE_X, 265, PORTRAIT_LEFT, 425),
            new FieldRegion(FieldName.ID_NUM, 265, 425, 830, 515));

    static final List<FieldRegion> BACK = List.of(
            new FieldRegion(FieldName.AUTHORITY, CardTemplate.BACK_VALUE_X, 370, 830, 436),
            new FieldRegion(FieldName.VALID_DATE, CardTemplate.BACK_VALUE_X, 436, 830, 515));

    static List<FieldRegion> of(CardSide side) {
        return side == CardSide.FRONT ? FRONT : BACK;
    }

    boolean contains(Point p) {
        return p.x() >= left && p.x() < right && p.y() >= top && p.y() < bottom;
    }
}
