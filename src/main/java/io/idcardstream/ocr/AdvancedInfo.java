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
 *
 * <p>Three keys are this project's own, written only when they have something to say so that every other answer
 * is exactly what the API writes (SDKs pass the string through untouched; Tencent's answers never carry them):
 * <ul>
 *   <li>{@value #NOT_CHECKED_KEY}: the codes of requested warnings whose absence from {@code WarnInfos} says
 *       nothing, because no detector looked for them, or the detector has not been measured good enough to
 *       vouch for a clean card (README, "Warnings"). Without it a switch that does nothing would answer exactly
 *       like "checked and clean".
 *   <li>{@value #DETAILS_KEY}: per raised warning its {@code Code}, {@code Score} (0..1) and {@code Region}
 *       ({@code [{"X":..,"Y":..}]}, image pixels), where the recogniser has them ({@link WarningDetail}).
 *   <li>{@value #REFLECT_DETAIL_KEY}: {@code "Checked"} when {@code EnableReflectDetail} was asked and the glare
 *       detector looked (an empty {@code ReflectDetailInfos} then means no glare), {@code "NotChecked"} when it was
 *       asked without {@code ReflectWarn}, which it needs, so nothing looked.
 * </ul>
 * As the API does, {@code WarnInfos} is written, {@code []} when empty, whenever a warning switch was asked
 * ({@code warningsAsked}), so "checked, nothing found" differs from "not asked" ({@code {}}).
 * Reading these two never fails a call: entries not in the shape written are skipped.
 */
public record AdvancedInfo(
        byte[] idCardCrop, byte[] portraitCrop, Integer quality, Integer borderCodeValue, List<Integer> warnings,
        List<WarningDetail> warningDetails, List<Integer> warningsNotChecked, boolean warningsAsked,
        ReflectDetail reflectDetail) {

    /**
     * Whether glare positions were looked for ({@code EnableReflectDetail}): an empty {@code ReflectDetailInfos}
     * reads the same whether it was asked or not, so the answer says which in {@value #REFLECT_DETAIL_KEY}.
     */
    public enum ReflectDetail {
        NOT_ASKED(null), CHECKED("Checked"), NOT_CHECKED("NotChecked");

        /** Its value in the AdvancedInfo JSON; none when not asked (the key is then left out). */
        private final String wire;

        ReflectDetail(String wire) {
            this.wire = wire;
        }

        static ReflectDetail fromWire(String text) {
            for (ReflectDetail detail : values()) {
                if (detail.wire != null && detail.wire.equals(text)) {
                    return detail;
                }
            }
            return NOT_ASKED;
        }
    }

    public static final AdvancedInfo EMPTY = new AdvancedInfo(null, null, null, null, List.of());
    static final String NOT_CHECKED_KEY = "WarnNotChecked";
    static final String DETAILS_KEY = "WarnDetails";
    static final String REFLECT_DETAIL_KEY = "ReflectDetail";

    private static final ObjectMapper JSON = new ObjectMapper();

    public AdvancedInfo {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        warningDetails = warningDetails == null ? List.of() : List.copyOf(warningDetails);
        warningsNotChecked = warningsNotChecked == null ? List.of() : List.copyOf(warningsNotChecked);
        reflectDetail = reflectDetail == null ? ReflectDetail.NOT_ASKED : reflectDetail;
    }

    /** The API's own parts only: no warning details, nothing reported as not checked. */
    public AdvancedInfo(byte[] idCardCrop, byte[] portraitCrop, Integer quality, Integer borderCodeValue,
            List<Integer> warnings) {
        this(idCardCrop, portraitCrop, quality, borderCodeValue, warnings, List.of(), List.of(),
                warnings != null && !warnings.isEmpty(),
                ReflectDetail.NOT_ASKED);
    }

    /** The detail of a raised warning, when the recogniser gave one. */
    public java.util.Optional<WarningDetail> detail(int code) {
        return warningDetails.stream().filter(d -> d.code() == code).findFirst();
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
                warnings,
                details(node.path(DETAILS_KEY)),
                codes(node.path(NOT_CHECKED_KEY)),
                warnInfos.isArray(),
                ReflectDetail.fromWire(node.path(REFLECT_DETAIL_KEY).asText("")));
    }

    /** Integer codes of an array; anything else is skipped (the key is an extension, never a reason to fail). */
    private static List<Integer> codes(JsonNode array) {
        List<Integer> codes = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode code : array) {
                if (code.isInt()) {
                    codes.add(code.asInt());
                }
            }
        }
        return codes;
    }

    private static List<WarningDetail> details(JsonNode array) {
        List<WarningDetail> details = new ArrayList<>();
        if (!array.isArray()) {
            return details;
        }
        for (JsonNode entry : array) {
            if (!entry.path("Code").isInt()) {
                continue;
            }
            JsonNode score = entry.path("Score");
            Float value = score.isNumber() && score.asDouble() >= 0 && score.asDouble() <= 1
                    ? (float) score.asDouble() : null;
            List<FieldEvidence.Point> region = new ArrayList<>();
            for (JsonNode point : entry.path("Region")) {
                if (point.path("X").isInt() && point.path("Y").isInt()) {
                    region.add(new FieldEvidence.Point(point.path("X").asInt(), point.path("Y").asInt()));
                }
            }
            details.add(new WarningDetail(entry.path("Code").asInt(), value, region));
        }
        return details;
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
     * The AdvancedInfo object as the API writes it: only the parts that are present; {@code {}} when none; plus
     * {@value #DETAILS_KEY} and {@value #NOT_CHECKED_KEY} when they are not empty. {@link ApiEnvelope} adds the
     * corrections before writing it as the answer's string.
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
        if (warningsAsked || !warnings.isEmpty()) {
            ArrayNode array = node.putArray("WarnInfos");
            warnings.forEach(array::add);
        }
        if (!warningDetails.isEmpty()) {
            ArrayNode array = node.putArray(DETAILS_KEY);
            for (WarningDetail detail : warningDetails) {
                ObjectNode entry = array.addObject().put("Code", detail.code());
                if (detail.score() != null) {
                    entry.put("Score", Math.round(detail.score() * 1000) / 1000.0);
                }
                if (!detail.region().isEmpty()) {
                    ArrayNode region = entry.putArray("Region");
                    detail.region().forEach(p -> region.addObject().put("X", p.x()).put("Y", p.y()));
                }
            }
        }
        if (!warningsNotChecked.isEmpty()) {
            ArrayNode array = node.putArray(NOT_CHECKED_KEY);
            warningsNotChecked.forEach(array::add);
        }
        if (reflectDetail.wire != null) {
            node.put(REFLECT_DETAIL_KEY, reflectDetail.wire);
        }
        return node;
    }

    @Override
    public String toString() {
        return "AdvancedInfo[idCardCrop=" + (idCardCrop == null ? "none" : idCardCrop.length + " bytes")
                + ", portraitCrop=" + (portraitCrop == null ? "none" : portraitCrop.length + " bytes")
                + ", quality=" + quality + ", borderCodeValue=" + borderCodeValue + ", warnings=" + warnings
                + ", warningDetails=" + warningDetails + ", warningsNotChecked=" + warningsNotChecked + "]";
    }
}
