package io.idcardstream.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The IDCardOCR {@code AdvancedInfo} JSON string, parsed: crops (decoded image bytes), quality and border
 * scores, and warning codes. Every part is present only when its switch was requested.
 *
 * <p>The real service emits {@code WarnInfos} as integer codes; older documentation shows objects with
 * {@code Code} and {@code Msg}. {@link #parse} accepts both, {@link #toNode} writes integers.
 */
public record AdvancedInfo(
        byte[] idCardCrop, byte[] portraitCrop, Integer quality, Integer borderCodeValue, List<Integer> warnings) {

    public static final AdvancedInfo EMPTY = new AdvancedInfo(null, null, null, null, List.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    public AdvancedInfo {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Parses the API's AdvancedInfo string.
     *
     * @throws IllegalArgumentException when the text is not a JSON object or a crop is not base64
     */
    public static AdvancedInfo parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("AdvancedInfo is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("AdvancedInfo must be a JSON object");
        }
        List<Integer> warnings = new ArrayList<>();
        JsonNode warnInfos = node.path("WarnInfos");
        if (warnInfos.isArray()) {
            for (JsonNode warning : warnInfos) {
                JsonNode code = warning.isObject() ? warning.path("Code") : warning;
                if (code.canConvertToInt()) {
                    warnings.add(code.asInt());
                } else if (code.isTextual() && code.asText().matches("-?\\d+")) {
                    warnings.add(Integer.parseInt(code.asText()));
                }
            }
        }
        return new AdvancedInfo(
                base64(node, "IdCard"),
                base64(node, "Portrait"),
                integer(node, "Quality"),
                integer(node, "BorderCodeValue"),
                warnings);
    }

    private static byte[] base64(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AdvancedInfo." + key + " is not base64");
        }
    }

    private static Integer integer(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }

    /**
     * The AdvancedInfo object as the API writes it: only the parts that are present; {@code {}} when none.
     * {@link ApiEnvelope} adds this project's own keys before writing it as the answer's string.
     */
    ObjectNode toNode() {
        ObjectNode node = JSON.createObjectNode();
        if (idCardCrop != null) {
            node.put("IdCard", Base64.getEncoder().encodeToString(idCardCrop));
        }
        if (portraitCrop != null) {
            node.put("Portrait", Base64.getEncoder().encodeToString(portraitCrop));
        }
        if (quality != null) {
            node.put("Quality", quality);
        }
        if (borderCodeValue != null) {
            node.put("BorderCodeValue", borderCodeValue);
        }
        if (!warnings.isEmpty()) {
            ArrayNode array = node.putArray("WarnInfos");
            warnings.forEach(array::add);
        }
        return node;
    }

    @Override
    public String toString() {
        return "AdvancedInfo[idCardCrop=" + (idCardCrop == null ? "none" : idCardCrop.length + " bytes")
                + ", portraitCrop=" + (portraitCrop == null ? "none" : portraitCrop.length + " bytes")
                + ", quality=" + quality + ", borderCodeValue=" + borderCodeValue + ", warnings=" + warnings + "]";
    }
}
