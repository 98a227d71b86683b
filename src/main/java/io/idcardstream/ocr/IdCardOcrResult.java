package io.idcardstream.ocr;

import java.util.List;
import java.util.Objects;

/**
 * A successful IDCardOCR answer plus what only some providers give: per-field evidence and the corrections
 * made after reading. {@code providerRequestId} is the API's RequestId (the local engine makes its own).
 */
public record IdCardOcrResult(
        CardFields fields,
        AdvancedInfo advancedInfo,
        List<FieldEvidence> evidence,
        List<FieldCorrection> corrections,
        List<String> reflectPositions,
        String providerRequestId) {

    public IdCardOcrResult {
        Objects.requireNonNull(fields, "fields");
        advancedInfo = Objects.requireNonNullElse(advancedInfo, AdvancedInfo.EMPTY);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        reflectPositions = reflectPositions == null ? List.of() : List.copyOf(reflectPositions);
    }

    /** A result carrying only what the API itself returns. */
    public static IdCardOcrResult of(CardFields fields, AdvancedInfo advancedInfo, String providerRequestId) {
        return new IdCardOcrResult(fields, advancedInfo, List.of(), List.of(), List.of(), providerRequestId);
    }
}
