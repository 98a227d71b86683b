package io.idcardstream.engine.quality;

import io.idcardstream.engine.card.CardTemplate;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.List;

/**
 * Where on the card a glare spot lies, in the words of IDCardOCR's {@code ReflectDetailInfos.Position}
 * (tencent-api.md §3.2): {@code NationalEmblem} (the back's emblem), {@code Portrait} (the front's photo),
 * {@code RecognitionField} (a field that was read), {@code Others} (anywhere else). A spot over several parts names
 * each. Pure and thread-safe.
 */
public final class ReflectPositions {
    public static final String EMBLEM = "NationalEmblem", PORTRAIT = "Portrait", FIELD = "RecognitionField",
            OTHERS = "Others";

    private ReflectPositions() {}

    /**
     * @param spot the spot's bounding box in template units
     * @param fields the bounding boxes of the fields read, in template units
     */
    public static List<String> of(Quad spot, CardSide side, List<Quad> fields) {
        List<String> positions = new ArrayList<>();
        if (side == CardSide.BACK && overlap(spot, CardTemplate.EMBLEM)) {
            positions.add(EMBLEM);
        }
        if (side == CardSide.FRONT && overlap(spot, CardTemplate.PORTRAIT)) {
            positions.add(PORTRAIT);
        }
        if (fields.stream().anyMatch(field -> overlap(spot, field))) {
            positions.add(FIELD);
        }
        if (positions.isEmpty()) {
            positions.add(OTHERS);
        }
        return positions;
    }

    static boolean overlap(Quad a, Quad b) {
        return a.topLeft().x() < b.bottomRight().x() && b.topLeft().x() < a.bottomRight().x()
                && a.topLeft().y() < b.bottomRight().y() && b.topLeft().y() < a.bottomRight().y();
    }
}
