package io.idcardstream.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Writes IDCardOCR answers in the Tencent Cloud API 3.0 envelope, exactly as the API does: every field
 * present ({@code ""} for the other side), {@code AdvancedInfo} a JSON <em>string</em>, and errors as
 * {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}. The one addition is the recogniser's corrections
 * inside AdvancedInfo, when it made any ({@link AdvancedInfoCorrections}). Shared by the {@code serve} HTTP API and
 * the {@code recognize} command so both speak the same bytes.
 */
public final class ApiEnvelope {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApiEnvelope() {}

    public static ObjectNode success(IdCardOcrResult result, String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        ObjectNode response = JSON.createObjectNode();
        for (FieldName field : FieldName.values()) {
            response.put(field.apiName(), result.fields().get(field));
        }
        ObjectNode advancedInfo = result.advancedInfo().toNode();
        AdvancedInfoCorrections.write(result.corrections(), advancedInfo);
        response.put("AdvancedInfo", advancedInfo.toString());
        ArrayNode reflect = response.putArray("ReflectDetailInfos");
        result.reflectPositions().forEach(position -> reflect.addObject().put("Position", position));
        response.put("RequestId", requestId);
        return wrap(response);
    }

    public static ObjectNode error(String code, String message, String requestId) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(requestId, "requestId");
        ObjectNode response = JSON.createObjectNode();
        ObjectNode error = response.putObject("Error");
        error.put("Code", code);
        error.put("Message", message == null ? "" : message);
        response.put("RequestId", requestId);
        return wrap(response);
    }

    private static ObjectNode wrap(ObjectNode response) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("Response", response);
        return envelope;
    }

    /** Compact JSON, non-ASCII characters written as UTF-8 (as the API does). */
    public static String compact(ObjectNode envelope) {
        return write(JSON, envelope);
    }

    /** Indented JSON for people reading a terminal. */
    public static String pretty(ObjectNode envelope) {
        return write(PRETTY, envelope);
    }

    private static String write(ObjectMapper mapper, ObjectNode envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}
