package io.idcardstream.engine;

import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.quality.BorderCheck;
import io.idcardstream.engine.quality.CopyHeuristic;
import io.idcardstream.engine.quality.EditedDates;
import io.idcardstream.engine.quality.ElectronicIdTitle;
import io.idcardstream.engine.quality.GlareSpots;
import io.idcardstream.engine.quality.Occlusion;
import io.idcardstream.engine.quality.PasteTraces;
import io.idcardstream.engine.quality.ReflectPositions;
import io.idcardstream.engine.quality.ReshootHeuristic;
import io.idcardstream.engine.quality.TemporaryIdTitle;
import io.idcardstream.engine.quality.WatermarkText;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.identity.IdentityChecks;
import io.idcardstream.identity.ValidationIssue;
import io.idcardstream.ocr.AdvancedInfo.ReflectDetail;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.WarningDetail;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The warnings {@code Config} asked for, each either looked for by a detector or reported as not checked
 * ({@code AdvancedInfo.WarnNotChecked}). A code is "not checked" when its absence would say nothing: no detector
 * exists, or the detector sees only one form of it (skin over the card's edge but not other objects; a temporary
 * ID's back but not its front; a paste only in a JPEG whose earlier compression shows; an electronic ID only on a
 * screen that names it), so a card it passes may still carry it. A partial detector that fires still raises its
 * code: what it sees, it sees surely. Every detector reaches the target of bench/warnings.sh on its class (-9106
 * and -9110 where they answer "checked"); what each cannot see is listed in docs/engine.md ("Warnings are heuristics"). Detectors run only
 * when their switch is on, so a plain request costs nothing.
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
    private ReflectDetail reflectDetail = ReflectDetail.NOT_ASKED;
    private final List<String> reflectPositions = new ArrayList<>();
    /** The copy and glare checks both ask; the card is read once. */
    private Double paperWhite;

    /**
     * @param reading the card the answer is about; {@code readings} holds it and, with {@code MultiCardDetect}, the
     *     other side
     * @param card the straightened card, made only if a switch that needs it is on
     * @param corrections what the recogniser changed after reading (a withheld date is a tamper signal)
     * @param evidence where each field was read (the region of a warning about one field)
     */
    static WarningChecks of(SentImage sent, CardPipeline.Reading reading, List<CardPipeline.Reading> readings,
            Supplier<RgbImage> card, IdentityChecks validation, List<FieldCorrection> corrections,
            List<FieldEvidence> evidence, OcrOptions options) {
        RgbImage image = sent.decoded();
        CardFrame frame = reading.frame();
        Optional<CardPipeline.Reading> back = readings.stream().filter(r -> r.frame().side() == CardSide.BACK)
                .findFirst();
        boolean backRead = back.isPresent();
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
            } else if (checks.paperWhite(card.get()) >= CopyHeuristic.COLOUR_COPY_WHITE) {
                checks.raise(WarningDetail.of(COPY, checks.paperWhite(card.get())));
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
            checks.lookForEdits(corrections, evidence, sent.bytes(), image, frame);
        }
        if (OcrOptions.on(options.tempIdWarn())) {
            if (back.isEmpty()) {
                checks.notChecked.add(TEMPORARY_ID); // only a temporary card's back says what it is
            } else if (TemporaryIdTitle.onBack(back.get().lines(), back.get().frame())) {
                checks.raise(WarningDetail.of(TEMPORARY_ID, 1.0)
                        .in(corners(back.get().frame().cardInImage())));
            }
        }
        if (OcrOptions.on(options.reflectWarn())) {
            checks.lookForGlare(card.get(), frame, evidence, OcrOptions.on(options.enableReflectDetail()));
        } else if (OcrOptions.on(options.enableReflectDetail())) {
            // EnableReflectDetail needs ReflectWarn (tencent-api.md §3.1): asked alone, nothing was looked for
            checks.reflectDetail = ReflectDetail.NOT_CHECKED;
        }
        if ("Advanced".equals(options.cardWarnType())) {
            Optional<GlyphLine> screenTitle = ElectronicIdTitle.find(sent.lines(), frame);
            if (screenTitle.isPresent()) {
                checks.raise(WarningDetail.of(ELECTRONIC_ID, 1.0).in(corners(screenTitle.get().box())));
            } else {
                checks.notChecked.add(ELECTRONIC_ID); // only a screen that names the card is seen, not a crop of it
            }
            if (WatermarkText.seen(reading.lines(), frame)) {
                checks.raise(WarningDetail.of(WATERMARK, 1.0).in(corners(frame.cardInImage())));
            }
        }
        return checks;
    }

    /**
     * A validity that is no date in the card's shape, withheld as a correction ({@link EditedDates}), or a region
     * pasted into a JPEG after its first compression ({@link PasteTraces}). Where the JPEG shows no earlier
     * compression (compressed once, re-saved no finer, resized, or a PNG), a paste leaves no trace, so the warning is
     * reported not checked.
     */
    private void lookForEdits(List<FieldCorrection> corrections, List<FieldEvidence> evidence, byte[] original,
            RgbImage image, CardFrame frame) {
        if (EditedDates.impossibleDateWithheld(corrections)) {
            raise(new WarningDetail(EDITED, null, region(evidence, FieldName.VALID_DATE)));
            return;
        }
        PasteTraces.Measure traces = PasteTraces.measure(original, frame.cardInImage(), image.width());
        if (traces.pasted()) {
            raise(WarningDetail.of(EDITED, traces.strength()).in(corners(traces.strongest())));
        } else if (!traces.historySeen()) {
            notChecked.add(EDITED);
        }
    }

    /**
     * Glare spots burnt into the card ({@link GlareSpots}); a copy's paper is white all over, so none stands out on
     * it. Each spot's positions, when asked, in the API's words: on the back's emblem, the front's portrait, a field
     * read, or elsewhere.
     */
    private void lookForGlare(RgbImage card, CardFrame frame, List<FieldEvidence> evidence, boolean positionsAsked) {
        List<GlareSpots.Spot> spots = paperWhite(card) >= CopyHeuristic.COLOUR_COPY_WHITE
                ? List.of() : GlareSpots.find(card);
        if (!spots.isEmpty()) {
            double share = spots.stream().mapToDouble(GlareSpots.Spot::share).sum();
            raise(WarningDetail.of(GLARE, Math.min(1, share / (10 * GlareSpots.MIN_SPOT_SHARE)))
                    .in(corners(spots.get(0).inCard().map(frame.cardToImage()))));
        }
        if (positionsAsked) {
            reflectDetail = ReflectDetail.CHECKED;
            List<Quad> fields = evidence.stream().filter(e -> !e.polygon().isEmpty())
                    .map(e -> boundsInCard(e.polygon(), frame)).toList();
            spots.stream().flatMap(spot -> ReflectPositions.of(spot.inCard(), frame.side(), fields).stream())
                    .distinct().forEach(reflectPositions::add);
        }
    }

    private double paperWhite(RgbImage card) {
        if (paperWhite == null) {
            paperWhite = CopyHeuristic.paperWhiteShare(card);
        }
        return paperWhite;
    }

    private static Quad boundsInCard(List<FieldEvidence.Point> polygon, CardFrame frame) {
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (FieldEvidence.Point p : polygon) {
            Point inCard = frame.toCard(new Point(p.x(), p.y()));
            left = Math.min(left, inCard.x());
            top = Math.min(top, inCard.y());
            right = Math.max(right, inCard.x());
            bottom = Math.max(bottom, inCard.y());
        }
        return Quad.rectangle(left, top, right, bottom);
    }

    private void raise(WarningDetail detail) {
        raised.add(detail.code());
        details.add(detail);
    }

    /** Whether a warning switch was on: then the answer carries {@code WarnInfos}, [] when nothing was raised. */
    boolean asked() {
        return asked;
    }

    ReflectDetail reflectDetail() {
        return reflectDetail;
    }

    /** Where glare was seen, when {@code EnableReflectDetail} asked ({@code ReflectDetailInfos}). */
    List<String> reflectPositions() {
        return reflectPositions;
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
