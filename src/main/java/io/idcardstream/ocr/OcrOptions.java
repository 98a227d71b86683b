package io.idcardstream.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The IDCardOCR switches. Every value is nullable: {@code null} means "the API's default" and is never sent,
 * so switches whose API default is true ({@code EnableRecognitionRectify}, {@code EnableDateVerify}) are never
 * turned off by accident. The first eleven are the keys of the {@code Config} JSON string; the last four are
 * top-level request parameters.
 */
public record OcrOptions(
        Boolean cropIdCard,
        Boolean cropPortrait,
        Boolean copyWarn,
        Boolean borderCheckWarn,
        Boolean reshootWarn,
        Boolean detectPsWarn,
        Boolean tempIdWarn,
        Boolean invalidDateWarn,
        Boolean quality,
        Boolean multiCardDetect,
        Boolean reflectWarn,
        Boolean enableRecognitionRectify,
        Boolean enableReflectDetail,
        Boolean enableDateVerify,
        String cardWarnType) {

    public static final OcrOptions DEFAULTS =
            new OcrOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code Config} keys, in the API's documented order. */
    private static final String[] CONFIG_KEYS = {
        "CropIdCard", "CropPortrait", "CopyWarn", "BorderCheckWarn", "ReshootWarn", "DetectPsWarn",
        "TempIdWarn", "InvalidDateWarn", "Quality", "MultiCardDetect", "ReflectWarn"
    };

    public OcrOptions {
        if (cardWarnType != null && !cardWarnType.equals("Basic") && !cardWarnType.equals("Advanced")) {
            throw new IllegalArgumentException("CardWarnType must be Basic or Advanced but was '" + cardWarnType + "'");
        }
    }

    private Boolean configValue(int index) {
        return switch (index) {
            case 0 -> cropIdCard;
            case 1 -> cropPortrait;
            case 2 -> copyWarn;
            case 3 -> borderCheckWarn;
            case 4 -> reshootWarn;
            case 5 -> detectPsWarn;
            case 6 -> tempIdWarn;
            case 7 -> invalidDateWarn;
            case 8 -> quality;
            case 9 -> multiCardDetect;
            case 10 -> reflectWarn;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    /**
     * The API's {@code Config} parameter: a JSON object of the switches that are set, e.g.
     * {@code {"CropIdCard":true}}; {@code null} when none is set.
     */
    public String configJson() {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < CONFIG_KEYS.length; i++) {
            Boolean value = configValue(i);
            if (value != null) {
                node.put(CONFIG_KEYS[i], value);
            }
        }
        return node.isEmpty() ? null : node.toString();
    }

    /** True when the switch is explicitly on (the API's Config switches all default to false). */
    public static boolean on(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /**
     * Reads the API's {@code Config} JSON string (as the server and the {@code recognize --config} option get
     * it) into options, keeping the top-level parameters given.
     *
     * @throws OcrException {@code InvalidParameter.ConfigFormatError} when the text is not a JSON object or a
     *     known key is not a boolean. Unknown keys are ignored, as the API does.
     */
    public static OcrOptions fromConfigJson(
            String config, Boolean enableRecognitionRectify, Boolean enableReflectDetail, Boolean enableDateVerify,
            String cardWarnType) throws OcrException {
        Boolean[] values = new Boolean[CONFIG_KEYS.length];
        if (config != null && !config.isBlank()) {
            JsonNode node;
            try {
                node = JSON.readTree(config);
            } catch (JsonProcessingException e) {
                throw new OcrException(ErrorCodes.CONFIG_FORMAT_ERROR, "Config is not valid JSON", null);
            }
            if (node == null || !node.isObject()) {
                throw new OcrException(ErrorCodes.CONFIG_FORMAT_ERROR, "Config must be a JSON object", null);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                for (int i = 0; i < CONFIG_KEYS.length; i++) {
                    if (CONFIG_KEYS[i].equals(entry.getKey())) {
                        if (!entry.getValue().isBoolean()) {
                            throw new OcrException(ErrorCodes.CONFIG_FORMAT_ERROR,
                                    "Config." + CONFIG_KEYS[i] + " must be true or false", null);
                        }
                        values[i] = entry.getValue().booleanValue();
                    }
                }
            }
        }
        return new OcrOptions(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8], values[9], values[10], enableRecognitionRectify, enableReflectDetail,
                enableDateVerify, cardWarnType);
    }

    /** EnableRecognitionRectify as the API applies it (default true). */
    public boolean rectifyEffective() {
        return enableRecognitionRectify == null || enableRecognitionRectify;
    }

    /** EnableDateVerify as the API applies it (default true). */
    public boolean dateVerifyEffective() {
        return enableDateVerify == null || enableDateVerify;
    }
}
