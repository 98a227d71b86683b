package io.idcardstream.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the JSON body of an {@code IDCardOCR} call into an {@link ApiRequest}, checking in this order: the
 * body is a JSON object without duplicate keys ({@code InvalidParameter}); every key is a parameter of the
 * action ({@code UnknownParameter}); every value has its type ({@code InvalidParameter}); {@code Config} is
 * a JSON object of booleans ({@code InvalidParameter.ConfigFormatError}); {@code CardSide} is FRONT or BACK
 * and {@code CardWarnType} Basic or Advanced ({@code InvalidParameterValue.InvalidParameterValueLimit});
 * an image is given ({@code FailedOperation.EmptyImageError}) and an {@code ImageBase64} is at most 6 MiB
 * ({@code LimitExceeded.TooLargeFileError}). JSON is strict: no repeated keys, nothing after the value, in
 * the body and in {@code Config}.
 *
 * <p>When both images are given, {@code ImageBase64} is used, as the seed API description says (newer Tencent
 * documents say ImageUrl; the project follows the seed). JSON {@code null} counts as absent, and so does an
 * empty image string.
 *
 * <p>Threading notes: immutable and thread-safe.
 */
final class ApiRequestParser {
    /** The seed's limit: "cannot exceed 6 MB in size after Base64 encoding" (read as MiB). */
    static final int MAX_IMAGE_BASE64_CHARS = 6 << 20;

    private static final Set<String> STRING_PARAMETERS =
            Set.of("ImageBase64", "ImageUrl", "CardSide", "Config", "CardWarnType");
    private static final Set<String> BOOLEAN_PARAMETERS =
            Set.of("EnableRecognitionRectify", "EnableReflectDetail", "EnableDateVerify");

    /** Strict: a repeated key, or anything but whitespace after the value (e.g. {@code {...}garbage}), fails. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    ApiRequest parse(byte[] body) throws OcrException {
        return parse(readObject(body));
    }

    /**
     * The parameters of a {@code GET /?…} call (API 3.0's other form): every value is text, so the Boolean
     * parameters are {@code true} or {@code false}; otherwise checked exactly as a JSON body.
     */
    ApiRequest parseQuery(String rawQuery) throws OcrException {
        ObjectNode root = json.createObjectNode();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OcrException(ErrorCodes.INVALID_PARAMETER, "The query string is not URL-encoded.", null);
            }
            if (root.has(name)) {
                throw new OcrException(ErrorCodes.INVALID_PARAMETER,
                        "The query string repeats the parameter `" + clip(name) + "`.", null);
            }
            if (BOOLEAN_PARAMETERS.contains(name) && (value.equals("true") || value.equals("false"))) {
                root.put(name, Boolean.parseBoolean(value));
            } else {
                root.put(name, value);
            }
        }
        return parse(root);
    }

    private ApiRequest parse(JsonNode root) throws OcrException {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STRING_PARAMETERS.contains(name) && !BOOLEAN_PARAMETERS.contains(name)) {
                throw new OcrException(ErrorCodes.UNKNOWN_PARAMETER,
                        "The parameter `" + clip(name) + "` is not recognized.", null);
            }
        }
        String imageBase64 = string(root, "ImageBase64");
        String imageUrl = string(root, "ImageUrl");
        String cardSideText = string(root, "CardSide");
        String config = string(root, "Config");
        String cardWarnType = string(root, "CardWarnType");
        Boolean rectify = bool(root, "EnableRecognitionRectify");
        Boolean reflectDetail = bool(root, "EnableReflectDetail");
        Boolean dateVerify = bool(root, "EnableDateVerify");

        if (cardWarnType != null && !cardWarnType.equals("Basic") && !cardWarnType.equals("Advanced")) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER_VALUE_LIMIT,
                    "CardWarnType must be Basic or Advanced.", null);
        }
        requireStrictJson(config);
        OcrOptions options = OcrOptions.fromConfigJson(config, rectify, reflectDetail, dateVerify, cardWarnType);
        CardSide cardSide;
        try {
            cardSide = CardSide.fromApi(cardSideText);
        } catch (IllegalArgumentException e) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER_VALUE_LIMIT, "CardSide must be FRONT or BACK.", null);
        }

        if (imageBase64 != null && !imageBase64.isEmpty()) {
            if (imageBase64.length() > MAX_IMAGE_BASE64_CHARS) {
                // The file is over the API's size limit: LimitExceeded.TooLargeFileError. ImageSizeTooLarge is the
                // recogniser's, for pixel dimensions too large to decode.
                throw new OcrException(ErrorCodes.TOO_LARGE_FILE, "ImageBase64 is " + imageBase64.length()
                        + " characters; the limit is " + MAX_IMAGE_BASE64_CHARS + " (6 MiB).", null);
            }
            return new ApiRequest(cardSide, options, imageBase64, null);
        }
        if (imageUrl != null && !imageUrl.isBlank()) {
            return new ApiRequest(cardSide, options, null, imageUrl);
        }
        throw new OcrException(ErrorCodes.EMPTY_IMAGE, "Either ImageBase64 or ImageUrl is required.", null);
    }

    private JsonNode readObject(byte[] body) throws OcrException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
            throw new OcrException(ErrorCodes.INVALID_PARAMETER, (duplicate ? "The request body repeats a key"
                    : "The request body is not valid JSON") + where + ".", null);
        } catch (IOException e) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER, "The request body could not be read as JSON.", null);
        }
        if (root == null || !root.isObject()) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER, "The request body must be a JSON object.", null);
        }
        return root;
    }

    /**
     * {@code Config} is read by {@code OcrOptions}, whose parser stops after the first value; trailing text after
     * the object (e.g. {@code {"CropIdCard":true}x}) is refused here first.
     */
    private void requireStrictJson(String config) throws OcrException {
        if (config == null || config.isBlank()) {
            return;
        }
        try {
            json.readTree(config);
        } catch (IOException e) {
            throw new OcrException(ErrorCodes.CONFIG_FORMAT_ERROR, "Config is not valid JSON", null);
        }
    }

    private static String string(JsonNode root, String name) throws OcrException {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER,
                    "The value of parameter `" + name + "` must be a String.", null);
        }
        return value.textValue();
    }

    private static Boolean bool(JsonNode root, String name) throws OcrException {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER,
                    "The value of parameter `" + name + "` must be a Boolean.", null);
        }
        return value.booleanValue();
    }

    /** Echoes client text into messages only briefly. */
    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
