package io.idcardstream.engine;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.quality.BorderCheck;
import io.idcardstream.engine.quality.CopyHeuristic;
import io.idcardstream.engine.quality.EditedDates;
import io.idcardstream.engine.quality.Occlusion;
import io.idcardstream.engine.quality.ReshootHeuristic;
import io.idcardstream.identity.ValidationIssue;
import io.idcardstream.identity.ValidationReport;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.WarningDetail;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The warnings {@code Config} asked for, each either looked for by a detector or reported as not checked
 * ({@code AdvancedInfo.WarnNotChecked}). A code is "not checked" when its absence would say nothing: no detector
 * exists (temporary ID, glare, the Advanced-only electronic ID and watermark), or the detector sees only one form
 * of it (black-and-white copies but not colour ones; edited dates but not edited names; skin over the card's edge
 * but not other objects), so a card it passes may still carry it. A partial detector that fires still raises its code: what it sees, it sees surely.
 * Detectors run only when their switch is on, so a plain request costs nothing (README, "Warnings").
 *
 * <p>Not thread-safe: one instance per answer.
 */
final class WarningChecks {
    /** IDCardOCR's warning codes (tencent-api.md §3.4). */
    static final int INVALID_DATE = -9109, BORDER = -9101, COPY = -9102, RESHOOT = -9103, TEMPORARY_ID = -9104,
            OCCLUSION = -9105, EDITED = -9106, GLARE = -9107, BLACK_AND_WHITE_COPY = -9108, ELECTRONIC_ID = -9110,
            WATERMARK = -9111;
    /** Validity problems reported as IDCardOCR's invalid-date warning. */
    static final Set<ValidationIssue> INVALID_DATE_ISSUES = EnumSet.of(ValidationIssue.VALIDITY_UNREADABLE,
            ValidationIssue.VALIDITY_IMPLAUSIBLE, ValidationIssue.EXPIRED, ValidationIssue.NOT_YET_VALID);

    private final List<Integer> raised = new ArrayList<>();
    private final List<WarningDetail> details = new ArrayList<>();
    private final List<Integer> notChecked = new ArrayList<>();
    private Integer borderCodeValue;
    private boolean asked;
    private boolean reflectDetailNotChecked;

    /**
     * @param card the straightened card, made only if a switch that needs it is on
     * @param corrections what the recogniser changed after reading (a withheld date is a tamper signal)
     * @param evidence where each field was read (the region of a warning about one field)
     * @param backRead whether the answer holds the back, where the validity period is printed
     */
    static WarningChecks of(RgbImage image, CardFrame frame, Supplier<RgbImage> card, ValidationReport validation,
            List<FieldCorrection> corrections, List<FieldEvidence> evidence, boolean backRead, OcrOptions options) {
        WarningChecks checks = new WarningChecks();
        checks.asked = Stream.of(options.copyWarn(), options.borderCheckWarn(), options.reshootWarn(),
                options.detectPsWarn(), options.tempIdWarn(), options.invalidDateWarn(), options.reflectWarn())
                .anyMatch(OcrOptions::on);
        if (OcrOptions.on(options.borderCheckWarn())) {
            BorderCheck.Measure border = BorderCheck.measure(image, frame);
            checks.borderCodeValue = border.value();
            if (border.value() > BorderCheck.WARN_ABOVE) {
                checks.raise(WarningDetail.of(BORDER, border.value() / 100.0).in(corners(border.missing())));
            }
            Occlusion.Measure finger = Occlusion.measure(image, frame);
            if (finger.occluded()) {
                checks.raise(WarningDetail.of(OCCLUSION, finger.skinPoints() / (double) finger.bandPoints() * 4)
                        .in(corners(finger.region())));
            } else {
                checks.notChecked.add(OCCLUSION); // only skin over the edge is seen: no pens, gloves, inner parts
            }
        }
        if (OcrOptions.on(options.copyWarn())) {
            double chroma = CopyHeuristic.meanChroma(card.get());
            if (chroma < CopyHeuristic.GREY_CHROMA) {
                double score = 1 - chroma / CopyHeuristic.GREY_CHROMA;
                checks.raise(WarningDetail.of(COPY, score));
                checks.raise(WarningDetail.of(BLACK_AND_WHITE_COPY, score));
            } else {
                checks.notChecked.add(COPY); // a colour copy keeps its colour: this card may still be one
            }
        }
        if (OcrOptions.on(options.reshootWarn())) {
            int dark = ReshootHeuristic.darkSides(image, frame.cardInImage());
            if (dark >= ReshootHeuristic.DARK_SIDES) {
                checks.raise(WarningDetail.of(RESHOOT, dark / 4.0));
            }
        }
        if (OcrOptions.on(options.invalidDateWarn())) {
            if (!options.dateVerifyEffective() || !backRead) {
                // EnableDateVerify=false, or only the front was read: no validity was verified
                checks.notChecked.add(INVALID_DATE);
            } else if (validation.issues().stream().anyMatch(INVALID_DATE_ISSUES::contains)) {
                checks.raise(new WarningDetail(INVALID_DATE, null, region(evidence, FieldName.VALID_DATE)));
            }
        }
        if (OcrOptions.on(options.detectPsWarn())) {
            if (EditedDates.impossibleDateWithheld(corrections)) {
                checks.raise(new WarningDetail(EDITED, null, region(evidence, FieldName.VALID_DATE)));
            } else {
                checks.notChecked.add(EDITED); // only impossible dates are seen, not fields pasted in
            }
        }
        if (OcrOptions.on(options.tempIdWarn())) {
            checks.notChecked.add(TEMPORARY_ID);
        }
        if (OcrOptions.on(options.reflectWarn())) {
            checks.notChecked.add(GLARE);
        }
        // The positions of glare need a glare detector: without one ReflectDetailInfos stays [] and says so.
        checks.reflectDetailNotChecked = OcrOptions.on(options.enableReflectDetail());
        if ("Advanced".equals(options.cardWarnType())) {
            checks.notChecked.add(ELECTRONIC_ID);
            checks.notChecked.add(WATERMARK);
        }
        return checks;
    }

    private void raise(WarningDetail detail) {
        raised.add(detail.code());
        details.add(detail);
    }

    /** Whether a warning switch was on: then the answer carries {@code WarnInfos}, [] when nothing was raised. */
    boolean asked() {
        return asked;
    }

    boolean reflectDetailNotChecked() {
        return reflectDetailNotChecked;
    }

    List<Integer> raised() {
        return raised;
    }

    List<WarningDetail> details() {
        return details;
    }

    List<Integer> notChecked() {
        return notChecked.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    Integer borderCodeValue() {
        return borderCodeValue;
    }

    private static List<FieldEvidence.Point> region(List<FieldEvidence> evidence, FieldName field) {
        return evidence.stream().filter(e -> e.field() == field).findFirst().map(FieldEvidence::polygon)
                .orElse(List.of());
    }

    private static List<FieldEvidence.Point> corners(Quad quad) {
        if (quad == null) {
            return List.of();
        }
        return quad.corners().stream()
                .map(p -> new FieldEvidence.Point((int) Math.round(p.x()), (int) Math.round(p.y()))).toList();
    }
}
