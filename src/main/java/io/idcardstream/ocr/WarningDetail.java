package io.idcardstream.ocr;

import java.util.List;
import java.util.Objects;

/**
 * What a recogniser knows about one warning it raised beyond its code: how strongly its detector saw it and where.
 * Tencent's API gives neither (only {@code BorderCodeValue} for -9101); the local engine writes both inside
 * {@code AdvancedInfo} as {@code WarnDetails}, so they survive {@code serve} and reach the outcome event.
 *
 * @param code the warning code, as in {@code WarnInfos}
 * @param score 0..1, how far past its threshold the detector's measure was (1 = as clear as it gets); null when
 *     the detector has no graded measure
 * @param region the image region the warning is about (corners in image pixels, clockwise from top-left); empty
 *     when the warning is about the whole card
 */
public record WarningDetail(int code, Float score, List<FieldEvidence.Point> region) {
    public WarningDetail {
        if (score != null && !(score >= 0f && score <= 1f)) {
            throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
        }
        region = region == null ? List.of() : List.copyOf(region);
    }

    /** A warning about the whole card, with a score. */
    public static WarningDetail of(int code, double score) {
        return new WarningDetail(code, (float) Math.max(0, Math.min(1, score)), List.of());
    }

    /** The same warning with a region. */
    public WarningDetail in(List<FieldEvidence.Point> corners) {
        return new WarningDetail(code, score, Objects.requireNonNull(corners, "corners"));
    }
}
