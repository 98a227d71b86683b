package io.idcardstream.engine;

import ai.onnxruntime.OrtException;
import io.idcardstream.engine.card.CardFrame;
import io.idcardstream.engine.card.CardImages;
import io.idcardstream.engine.card.CardLocator;
import io.idcardstream.engine.fields.CardFieldExtractor;
import io.idcardstream.engine.fields.Completeness;
import io.idcardstream.engine.fields.ExtractedCard;
import io.idcardstream.engine.fields.FieldConfidence;
import io.idcardstream.engine.fields.FieldRectifier.Rectified;
import io.idcardstream.engine.fields.FieldRectifier;
import io.idcardstream.engine.fields.FieldRows;
import io.idcardstream.engine.fields.FieldwiseMerge;
import io.idcardstream.engine.fields.HiddenEndings;
import io.idcardstream.engine.fields.MalformedDates;
import io.idcardstream.engine.fields.NationCompletion;
import io.idcardstream.engine.fields.PlaceNameRepair;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.ImageDecoder;
import io.idcardstream.engine.image.ImageLimits;
import io.idcardstream.engine.image.JpegEncoder;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.quality.QualityScore;
import io.idcardstream.engine.quality.RedInk;
import io.idcardstream.engine.quality.Sharpness;
import io.idcardstream.engine.rec.StampInk;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.engine.text.RecognizedLine;
import io.idcardstream.identity.CardFacts;
import io.idcardstream.identity.IdentityChecks;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.identity.RegionCodes;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local IDCardOCR: one image in, the API's answer out. {@link #recognize} lists every stage in order; each
 * line names the class that does the work.
 *
 * <p>Threading notes: stateless apart from the shared, thread-safe models; one instance serves all threads.
 */
final class CardPipeline {
    /** Below this {@link Sharpness#sharpness()} nothing is legible: refuse before spending time on OCR. */
    static final double HOPELESSLY_SOFT = 0.05;
    /** Below this luma range the image is blank (a wall, a lens cap): there is no card to find. */
    static final double BLANK_CONTRAST = 20;
    /**
     * When no card is found, or a card only partly read, in an image this soft, blur is the likelier reason. It lies
     * between the deliberately unreadable synthetic photos (5×5 blur, JPEG q30, noise: 0.125–0.136) and the softest
     * readable images of the development and synthetic sets (0.22 and up).
     */
    static final double SOFT = 0.17;
    /** A closer reading straightens the card with this margin (template units) so edge text is not cut. */
    static final double CLOSER_LOOK_MARGIN = 40;
    /** Text lines on a card straightened at template scale are about this high (pixels). */
    static final double TEMPLATE_LINE_HEIGHT = 30;
    /**
     * A card narrower than this in the detector's input (pixels) has text under ~19 pixels high there, where
     * detection starts to miss short lines (an address's last row, a small label): it always gets the closer look,
     * and that reading is kept unless it is worse.
     */
    static final double SMALL_TEXT_CARD_WIDTH = 600;
    /** A reading whose fields average less confidence than this gets a closer look. */
    static final double CONFIDENT = 0.9;
    /** The square looked at for a character's ink colour, as a fraction of its line box's height (text ~60%). */
    static final double INK_SQUARE = 0.6;
    /** Crops are JPEG at this quality (the API's crops are JPEG too). */
    static final float CROP_QUALITY = 0.9f;

    private final TextReader reader;
    private final PlaceNameRepair places = new PlaceNameRepair(RegionCodes.bundled());
    private final ImageLimits limits;
    private final IdentityValidator validator;
    private final Clock clock;

    CardPipeline(TextReader reader, ImageLimits limits, IdentityValidator validator, Clock clock) {
        this.reader = reader;
        this.limits = limits;
        this.validator = validator;
        this.clock = clock;
    }

    /** A card side as read: the lines (image pixels), the card's frame, and the fields. */
    record Reading(List<GlyphLine> lines, CardFrame frame, ExtractedCard card) {}

    IdCardOcrResult recognize(byte[] bytes, CardSide side, OcrOptions options, Deadline deadline, String requestId)
            throws OcrException {
        try {
            RgbImage image = ImageDecoder.decode(bytes, limits);              // PNG/JPEG, EXIF turn, size guards
            Sharpness sharpness = passQualityGate(image);                     // blank or smeared: refuse early
            RgbImage text = StampInk.withoutRedInk(image);                    // card text is black and blue: no seals
            Located page = locate(image, text, side, deadline);               // lines, cards and sides; any skew
            CardFrame card = requestedCard(page.cards(), side, sharpness);    // the side asked for, or the best one
            Reading reading = readSide(text, page.lines(), card, deadline);   // fields; closer look; rows re-read
            if (Completeness.score(reading.card()) <= HARDLY_READ && !page.turnedLookTaken()) {
                Optional<Located> turned = turnedLook(image, text, page.read(), side, deadline);
                if (turned.isPresent()) {                                     // a card placed on the wrong text?
                    Reading second = readSide(text, turned.get().lines(),
                            requestedCard(turned.get().cards(), side, sharpness), deadline);
                    if (better(second.card(), reading.card())) {
                        page = turned.get();
                        reading = second;
                    }
                }
            }
            List<Reading> readings = OcrOptions.on(options.multiCardDetect())
                    ? withOtherSides(text, page, reading, deadline)           // MultiCardDetect: the other side too
                    : List.of(reading);
            requireSomethingRead(reading.card(), sharpness, reading.frame()); // ImageBlur / OcrFailed
            Rectified fields = rectify(readings, options);                    // EnableRecognitionRectify, reported
            IdentityChecks validation = validator.validate(facts(fields.fields()),
                    IdentityValidator.todayInShanghai(clock));                // GB 11643, dates, validity
            List<FieldEvidence> evidence = evidence(readings, fields);
            Supplier<RgbImage> straightenedCard = straightened(image, reading.frame());
            WarningChecks warnings = WarningChecks.of(new SentImage(bytes, image, page.lines()), reading, readings,
                    straightenedCard, validation, fields.corrections(), evidence, options); // what Config asked for
            AdvancedInfo advanced = advancedInfo(image, reading, straightenedCard, warnings, options);
            return new IdCardOcrResult(fields.fields(), advanced, evidence, fields.corrections(),
                    warnings.reflectPositions(), requestId);
        } catch (OrtException e) {
            throw new OcrException(ErrorCodes.OCR_FAILED, "the OCR models failed on this image", requestId, e);
        }
    }

    /**
     * The lines read in an image and the cards they show; {@code read} is the first detection's reading a turned
     * second look ({@link TurnedPage}) starts from, unless that look was already taken.
     */
    private record Located(List<GlyphLine> lines, List<CardFrame> cards, List<RecognizedLine> read,
            boolean turnedLookTaken) {}

    /** A reading with at most this many well-formed fields (plus one when consistent) hardly read its card. */
    static final int HARDLY_READ = 1;

    /**
     * Reads the image (DB detection, reading direction per cluster of text, CTC) and finds its cards from their
     * printed anchors. When no card of the requested side is found, the text is looked at again turned upright by
     * its lines' direction and enlarged ({@link TurnedPage}: a card skewed by tens of degrees, or small, loses its
     * labels to the first detection), and that reading is kept if it finds one. When a card is found but hardly
     * read, {@link #recognize} takes the same second look (a small card turned by tens of degrees on a page can be
     * placed on the wrong text by a few anchors).
     */
    private Located locate(RgbImage image, RgbImage text, CardSide side, Deadline deadline)
            throws OrtException, OcrException {
        List<RecognizedLine> read = reader.read(text, deadline);
        List<GlyphLine> lines = glyphLines(image, read);
        List<CardFrame> cards = CardLocator.locate(lines);
        if (CardFieldExtractor.choose(cards, side).isPresent()) {
            return new Located(lines, cards, read, false);
        }
        return turnedLook(image, text, read, side, deadline).orElse(new Located(lines, cards, read, true));
    }

    /** The lines and cards of the text turned upright and enlarged, when they show a card of the requested side. */
    private Optional<Located> turnedLook(RgbImage image, RgbImage text, List<RecognizedLine> read, CardSide side,
            Deadline deadline) throws OrtException, OcrException {
        Optional<TurnedPage> page = TurnedPage.of(text, read);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        deadline.check();
        List<GlyphLine> turned = glyphLines(image, page.get().inImage(reader.read(page.get().image(), deadline)));
        List<CardFrame> found = CardLocator.locate(turned);
        return CardFieldExtractor.choose(found, side).isPresent()
                ? Optional.of(new Located(turned, found, List.of(), true)) : Optional.empty();
    }

    private static Sharpness passQualityGate(RgbImage image) throws OcrException {
        Sharpness sharpness = Sharpness.of(image);
        if (sharpness.contrast() < BLANK_CONTRAST) {
            throw new OcrException(ErrorCodes.IMAGE_NO_ID_CARD, "the image is blank", null);
        }
        if (sharpness.sharpness() < HOPELESSLY_SOFT) {
            throw new OcrException(ErrorCodes.IMAGE_BLUR, "the image is too blurry to read", null);
        }
        return sharpness;
    }

    /** The lines as positioned characters, without red ones: seals and stamps are not card text. */
    private static List<GlyphLine> glyphLines(RgbImage image, List<RecognizedLine> lines) {
        List<GlyphLine> glyphLines = new ArrayList<>(lines.size());
        for (RecognizedLine line : lines) {
            GlyphLine glyphs = GlyphLine.of(line, glyphLines.size());
            double size = line.box().height() * INK_SQUARE;
            glyphLines.add(new GlyphLine(glyphs.index(), glyphs.box(), glyphs.confidence(), glyphs.glyphs().stream()
                    .filter(g -> !RedInk.isRed(image, g.center(), size))
                    .toList()));
        }
        return glyphLines;
    }

    /**
     * The card of the requested side. When the image holds only the other side the answer is
     * {@code FailedOperation.CardSideError} (the code Tencent defines for a wrong CardSide); when it holds no card,
     * {@code ImageNoIdCard}, or {@code ImageBlur} when the image is soft enough to explain that.
     */
    private static CardFrame requestedCard(List<CardFrame> cards, CardSide side, Sharpness sharpness)
            throws OcrException {
        if (cards.isEmpty()) {
            if (sharpness.sharpness() < SOFT) {
                throw new OcrException(ErrorCodes.IMAGE_BLUR, "the image is too blurry to find a card", null);
            }
            throw new OcrException(ErrorCodes.IMAGE_NO_ID_CARD, "no ID card was found in the image", null);
        }
        return CardFieldExtractor.choose(cards, side).orElseThrow(() -> new OcrException(ErrorCodes.CARD_SIDE_ERROR,
                "the image shows the " + cards.get(0).side() + " of an ID card, not the requested " + side, null));
    }

    /**
     * The fields of one side. When the first reading is {@linkplain Completeness#doubtful doubtful} or unsure, or the
     * card's text was small for the detector, the card is straightened to the template's scale (text about 27
     * pixels high) and read again, and the two readings are merged field by field ({@link FieldwiseMerge}), the
     * better reading deciding ties.
     */
    private Reading readSide(RgbImage image, List<GlyphLine> lines, CardFrame frame, Deadline deadline)
            throws OrtException, OcrException {
        Reading first = new Reading(lines, frame, extract(lines, frame, image));
        boolean smallText = frame.cardInImage().width() * reader.detectorScale(image) < SMALL_TEXT_CARD_WIDTH;
        if (!smallText && !Completeness.doubtful(first.card())
                && Completeness.meanConfidence(first.card()) >= CONFIDENT) {
            return withRowsReread(image, first);
        }
        deadline.check();
        CardImages.Straightened straight = CardImages.straightened(image, frame, CLOSER_LOOK_MARGIN);
        RgbImage card = StampInk.clean(straight.image(), TEMPLATE_LINE_HEIGHT);
        List<RecognizedLine> inImage = new ArrayList<>();
        for (RecognizedLine line : reader.readUpright(card, deadline)) {
            inImage.add(new RecognizedLine(line.box().map(straight.toImage()), line.decoded()));
        }
        List<GlyphLine> closer = glyphLines(image, inImage);
        Reading best = CardFieldExtractor.choose(CardLocator.locate(closer), frame.side())
                .map(f -> new Reading(closer, f, extract(closer, f, image)))
                .map(second -> better(first.card(), second.card())
                        ? new Reading(first.lines(), first.frame(), FieldwiseMerge.merge(first.card(), second.card()))
                        : new Reading(second.lines(), second.frame(), FieldwiseMerge.merge(second.card(), first.card())))
                .orElse(first);
        return withRowsReread(image, best);
    }

    /** The band of a one-line field read as one line ({@link FieldRows}), in image coordinates. */
    private GlyphLine row(RgbImage image, CardFrame frame, FieldName field) throws OrtException {
        return read(image, FieldRows.band(field, frame));
    }

    private GlyphLine read(RgbImage image, Quad band) throws OrtException {
        return GlyphLine.of(reader.recognize(image, band), -1);
    }

    /**
     * The fields of the card in {@code frame}, the nation completed from the list where one name explains it, the
     * back's hidden endings where the card's rules allow one, place names put right where one real name explains
     * them, dates not in the API's form withheld.
     */
    private ExtractedCard extract(List<GlyphLine> lines, CardFrame frame, RgbImage image) {
        return complete(CardFieldExtractor.extract(lines, frame, image.width(), image.height()));
    }

    private ExtractedCard complete(ExtractedCard card) {
        return MalformedDates.withhold(places.apply(HiddenEndings.apply(NationCompletion.apply(card,
                reader::canRead))));
    }

    /**
     * One-line fields that are missing or malformed get their band read once more in one piece: the ID number when
     * it is not a valid number ({@link CardFieldExtractor#withIdNumberFrom}), a two-character name in case its box
     * cut off a third ({@link FieldRows#withLongerName}), the others when not of their form
     * ({@link FieldRows#withRowReading}); a band's reading replaces the field only when it is better. The ID number
     * and the others still not of their form are then tried in bands shifted up and down ({@link FieldRows#bands}),
     * until one reads a valid number or a well-formed value.
     */
    private Reading withRowsReread(RgbImage image, Reading reading) throws OrtException {
        ExtractedCard card = reading.card();
        CardFrame frame = reading.frame();
        for (FieldName field : FieldRows.of(frame.side())) {
            if (field == FieldName.ID_NUM) {
                if (!Completeness.consistent(card)) {
                    for (Quad band : FieldRows.bands(field, frame)) {
                        card = CardFieldExtractor.withIdNumberFrom(read(image, band), card, image.width(),
                                image.height());
                        if (Completeness.validIdNumber(card)) {
                            break;
                        }
                    }
                }
            } else if (field == FieldName.NAME && card.fields().name().codePointCount(0,
                    card.fields().name().length()) == 2) {
                card = FieldRows.withLongerName(card, row(image, frame, field), image.width(), image.height());
            } else if (!Completeness.wellFormed(field, card.fields().get(field))) {
                for (Quad band : FieldRows.bands(field, frame)) {
                    ExtractedCard reread = complete(FieldRows.withRowReading(card, field, read(image, band),
                            image.width(), image.height()));
                    if (Completeness.wellFormed(field, reread.fields().get(field))) {
                        card = reread;
                        break;
                    }
                }
            }
        }
        return card == reading.card() ? reading : new Reading(reading.lines(), frame, card);
    }

    private static boolean better(ExtractedCard candidate, ExtractedCard incumbent) {
        int a = Completeness.score(candidate), b = Completeness.score(incumbent);
        return a > b || (a == b && Completeness.meanConfidence(candidate) > Completeness.meanConfidence(incumbent));
    }

    /** {@code MultiCardDetect}: the other side too, when the image shows it. */
    private List<Reading> withOtherSides(RgbImage image, Located page, Reading main, Deadline deadline)
            throws OrtException, OcrException {
        List<Reading> readings = new ArrayList<>(List.of(main));
        for (CardFrame other : page.cards()) {
            if (readings.stream().noneMatch(r -> r.frame().side() == other.side())) {
                readings.add(readSide(image, page.lines(), other, deadline));
            }
        }
        return readings;
    }

    /**
     * A card was found but its fields were not all read: an answer with holes is still an answer, unless the image
     * is soft enough to explain the holes (then {@code ImageBlur}, as the API answers a blurred card rather than
     * guessing), or nothing at all was read ({@code IdCardTooSmall} for a tiny card, else {@code OcrFailed}).
     * A front whose reading {@linkplain Completeness#provedLegible proves it legible} is answered with its holes
     * whatever the image's sharpness (a small sharp card on a blurred background). Sharpness alone does not separate
     * the two: on the card, barely legible small cards (0.197–0.27) and deliberately unreadable ones (0.144–0.207)
     * overlap.
     */
    private static void requireSomethingRead(ExtractedCard card, Sharpness sharpness, CardFrame frame)
            throws OcrException {
        if (!Completeness.complete(card) && sharpness.sharpness() < SOFT && !Completeness.provedLegible(card)) {
            throw new OcrException(ErrorCodes.IMAGE_BLUR, "the card is too blurry to read", null);
        }
        if (!card.readings().isEmpty()) {
            return;
        }
        if (frame.cardInImage().width() < MIN_READABLE_CARD_WIDTH) {
            throw new OcrException(ErrorCodes.ID_CARD_TOO_SMALL, "the card is too small in the image to read", null);
        }
        throw new OcrException(ErrorCodes.OCR_FAILED, "no field of the card could be read", null);
    }

    /** A card narrower than this (pixels) has text under ~10 pixels high: too small to read. */
    static final double MIN_READABLE_CARD_WIDTH = 200;

    private static Rectified rectify(List<Reading> readings, OcrOptions options) {
        CardFields fields = CardFields.EMPTY;
        List<io.idcardstream.ocr.FieldCorrection> corrections = new ArrayList<>();
        for (Reading reading : readings) {
            Rectified side = options.rectifyEffective() ? FieldRectifier.rectify(reading.card())
                    : new Rectified(reading.card().fields(), reading.card().cleanups());
            for (FieldName field : FieldName.values()) {
                if (field.side() == reading.frame().side()) {
                    fields = fields.with(field, side.fields().get(field));
                }
            }
            corrections.addAll(side.corrections());
        }
        return new Rectified(fields, corrections);
    }

    private static CardFacts facts(CardFields f) {
        return new CardFacts(f.name(), f.sex(), f.birth(), f.idNum(), f.validDate());
    }

    /** Each field's place and its calibrated confidence ({@link FieldConfidence}), in the API's field order. */
    private static List<FieldEvidence> evidence(List<Reading> readings, Rectified fields) {
        List<FieldEvidence> evidence = new ArrayList<>();
        for (Reading reading : readings) {
            for (FieldEvidence field : reading.card().evidence()) {
                reading.card().reading(field.field()).ifPresent(r -> evidence.add(FieldConfidence.evidence(
                        field.field(), r, fields.fields(), fields.corrections(), reading.card().discarded())));
            }
        }
        return evidence;
    }

    /** The straightened card, made once and only if something asks for it. */
    private static Supplier<RgbImage> straightened(RgbImage image, CardFrame frame) {
        RgbImage[] made = new RgbImage[1];
        return () -> made[0] != null ? made[0] : (made[0] = CardImages.card(image, frame));
    }

    /**
     * What {@code Config} asked for: crops, the quality score, and the warnings whose switches are on, each raised,
     * passed, or reported as not checked ({@link WarningChecks}).
     */
    private static AdvancedInfo advancedInfo(RgbImage image, Reading reading, Supplier<RgbImage> card,
            WarningChecks warnings, OcrOptions options) {
        CardFrame frame = reading.frame();
        byte[] idCardCrop = OcrOptions.on(options.cropIdCard()) ? JpegEncoder.encode(card.get(), CROP_QUALITY) : null;
        byte[] portraitCrop = OcrOptions.on(options.cropPortrait()) && frame.side() == CardSide.FRONT
                ? JpegEncoder.encode(CardImages.portrait(image, frame), CROP_QUALITY) : null;
        Integer quality = OcrOptions.on(options.quality())
                ? QualityScore.of(Sharpness.of(card.get()).sharpness(), Completeness.meanConfidence(reading.card()))
                : null;
        return new AdvancedInfo(idCardCrop, portraitCrop, quality, warnings.borderCodeValue(), warnings.raised(),
                warnings.details(), warnings.notChecked(), warnings.asked(), warnings.reflectDetail());
    }
}
