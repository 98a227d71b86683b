package io.idcardstream.engine.quality;

/**
 * IDCardOCR's {@code Quality} (0–100, lower = blurrier; the API suggests accepting ≥ 50), as a heuristic: the
 * straightened card's {@link Sharpness} relative to a crisp card ({@value #CRISP}, reached by clean scans and good
 * photos), times how sure the recogniser was of the fields. A soft but perfectly read card scores in the 70s; a
 * smeared one whose text the recogniser doubts falls below 50.
 *
 * <p>Not yet measured against human judgement (a later issue does). Pure and thread-safe.
 */
public final class QualityScore {
    static final double CRISP = 0.25;

    private QualityScore() {}

    /**
     * @param cardSharpness {@link Sharpness#sharpness()} of the straightened card
     * @param fieldConfidence the mean confidence of the fields read, 0..1
     */
    public static int of(double cardSharpness, double fieldConfidence) {
        double crisp = Math.max(0, Math.min(1, cardSharpness / CRISP));
        double sure = Math.max(0, Math.min(1, fieldConfidence));
        return (int) Math.round(100 * crisp * sure);
    }
}
