package io.idcardstream.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the JSON body of an {@code IDCardOCR} call into an {@link ApiRequest}, checking in this order: the
 * body is a JSON object without duplicate keys ({@code InvalidParameter}); every key is a parameter of the
 * action ({@code UnknownParameter}); every value has its type ({@code InvalidParameter}); {@code Config} is
 * a JSON object of booleans ({@code InvalidParameter.ConfigFormatError}); {@code CardSide} is FRONT or BACK
 * and {@code CardWarnType} Basic or Advanced ({@code InvalidParameterValue.InvalidParameterValueLimit});
 * an image is given ({@code FailedOperation.EmptyImageError}) and an {@code ImageBase64} is at most 6 MiB
 * ({@code FailedOperation.ImageSizeTooLarge}).
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

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    ApiRequest parse(byte[] body) throws OcrException {
        JsonNode root = readObject(body);
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
        OcrOptions options = OcrOptions.fromConfigJson(config, rectify, reflectDetail, dateVerify, cardWarnType);
        CardSide cardSide;
        try {
            cardSide = CardSide.fromApi(cardSideText);
        } catch (IllegalArgumentException e) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER_VALUE_LIMIT, "CardSide must be FRONT or BACK.", null);
        }

        if (imageBase64 != null && !imageBase64.isEmpty()) {
            if (imageBase64.length() > MAX_IMAGE_BASE64_CHARS) {
                throw new OcrException(ErrorCodes.IMAGE_SIZE_TOO_LARGE, "ImageBase64 is " + imageBase64.length()
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
