package io.idcardstream.engine;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldName;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields as an ordered map (API name → value), so a failed comparison shows the values. */
public final class FieldsView {
    private FieldsView() {}

    public static Map<String, String> of(CardFields fields) {
        Map<String, String> view = new LinkedHashMap<>();
        for (FieldName field : FieldName.values()) {
            view.put(field.apiName(), fields.get(field));
        }
        return view;
    }
}
