package io.idcardstream.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Corrections} key this project adds inside the IDCardOCR {@code AdvancedInfo} JSON string: what the
 * recogniser changed after reading a field, one object per change in the order the changes were made, e.g.
 * {@code "Corrections":[{"Field":"IdNum","Read":"…","Returned":"…","Reason":"ID_NUMBER_FROM_CHECK_DIGIT"}]}.
 *
 * <p>AdvancedInfo is the one place of the answer with room for it: a string the SDKs pass through untouched, so
 * a client that does not know the key never sees it. It is written only when there is a correction, so every
 * other answer stays exactly what the API writes; Tencent's own answers never carry it.
 *
 * <p>Reading never fails a call: the key is an extension, so what is not in the shape {@link #write} writes is
 * ignored, entry by entry, and logged with the RequestId and counts only (read and returned values are personal
 * data).
 */
public final class AdvancedInfoCorrections {
    static final String KEY = "Corrections";

    private static final Logger log = LoggerFactory.getLogger(AdvancedInfoCorrections.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdvancedInfoCorrections() {}

    /** Adds the key to an AdvancedInfo object when there is at least one correction; otherwise leaves it as it is. */
    static void write(List<FieldCorrection> corrections, ObjectNode advancedInfo) {
        if (corrections.isEmpty()) {
            return;
        }
        ArrayNode array = advancedInfo.putArray(KEY);
        for (FieldCorrection correction : corrections) {
            array.addObject()
                    .put("Field", correction.field().apiName())
                    .put("Read", correction.read())
                    .put("Returned", correction.returned())
                    .put("Reason", correction.reason());
        }
    }

    /**
     * The corrections in an AdvancedInfo string: empty when the key is absent; entries that are not objects of
     * the strings {@code Field} (an API field name), {@code Read}, {@code Returned} and {@code Reason} (not
     * blank) are left out.
     *
     * @param requestId the answer's RequestId, to say in the log which answer had an entry left out
     */
    public static List<FieldCorrection> read(String advancedInfo, String requestId) {
        if (advancedInfo == null || advancedInfo.isBlank()) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(advancedInfo).path(KEY);
        } catch (JsonProcessingException e) {
            return List.of(); // AdvancedInfo.parse reports text that is not JSON; this key has nothing to add
        }
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            log.warn("requestId={} AdvancedInfo.{} ignored: a JSON {}, not an array", requestId, KEY,
                    value.getNodeType());
            return List.of();
        }
        List<FieldCorrection> corrections = new ArrayList<>();
        for (JsonNode entry : value) {
            FieldName field = field(text(entry, "Field"));
            String read = text(entry, "Read");
            String returned = text(entry, "Returned");
            String reason = text(entry, "Reason");
            if (field != null && read != null && returned != null && reason != null && !reason.isBlank()) {
                corrections.add(new FieldCorrection(field, read, returned, reason));
            }
        }
        if (corrections.size() < value.size()) {
            log.warn("requestId={} AdvancedInfo.{}: {} of {} entries ignored, not objects of the strings Field "
                    + "(an API field name), Read, Returned and Reason", requestId, KEY,
                    value.size() - corrections.size(), value.size());
        }
        return corrections;
    }

    private static FieldName field(String apiName) {
        for (FieldName field : FieldName.values()) {
            if (field.apiName().equals(apiName)) {
                return field;
            }
        }
        return null;
    }

    private static String text(JsonNode entry, String key) {
        JsonNode value = entry.path(key);
        return value.isTextual() ? value.asText() : null;
    }
}
