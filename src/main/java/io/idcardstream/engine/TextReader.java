package io.idcardstream.engine;

import ai.onnxruntime.OrtException;
import io.idcardstream.engine.det.DbParams;
import io.idcardstream.engine.det.DbPostProcessor;
import io.idcardstream.engine.det.DetectedBox;
import io.idcardstream.engine.det.DetectorInput;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.rec.CtcGreedyDecoder;
import io.idcardstream.engine.rec.DecodedText;
import io.idcardstream.engine.rec.RecognizerInput;
import io.idcardstream.engine.rec.TextOrientation;
import io.idcardstream.engine.text.RecognizedLine;
import io.idcardstream.ocr.OcrException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads every text line of an image: DB detection, the page's reading direction (box axis, then the direction
 * classifier's vote between the two ends of it), and CTC recognition of each line at its own width. The lines of
 * one image are recognised in parallel on {@link SharedWork}, widest first.
 *
 * <p>Threading notes: stateless apart from the shared, thread-safe {@link PpOcrModels} and {@link SharedWork};
 * safe to share.
 */
final class TextReader {
    /** How many of the longest lines vote on whether the page is upside down. */
    static final int DIRECTION_VOTERS = 6;
    /** A crop is never wider than this (a card line is at most ~30 characters). */
    static final int MAX_LINE_WIDTH = 1600;

    private final PpOcrModels models;
    private final DbParams params;
    private final SharedWork lineWork;

    TextReader(PpOcrModels models, DbParams params, SharedWork lineWork) {
        this.models = models;
        this.params = params;
        this.lineWork = lineWork;
    }

    /**
     * Every line of {@code image}: detected, turned to the page's reading direction, recognised. The lines come in
     * detection order; their boxes' corners are in reading order.
     */
    List<RecognizedLine> read(RgbImage image, Deadline deadline) throws OrtException, OcrException {
        List<DetectedBox> boxes = detect(image);
        deadline.check();
        return recognizeAll(image, boxes, readingAngle(image, boxes), deadline);
    }

    /**
     * Like {@link #read} for an image known to be upright (a straightened card): the lines' axis still follows the
     * boxes, but the direction classifier is skipped.
     */
    List<RecognizedLine> readUpright(RgbImage image, Deadline deadline) throws OrtException, OcrException {
        List<DetectedBox> boxes = detect(image);
        return recognizeAll(image, boxes, TextOrientation.axis(boxes), deadline);
    }

    /**
     * Every box read along {@code angle}, in the boxes' order. The widest crops (the costliest runs) are started
     * first so that the threads finish together.
     */
    private List<RecognizedLine> recognizeAll(RgbImage image, List<DetectedBox> boxes, double angle,
            Deadline deadline) throws OrtException, OcrException {
        List<Quad> quads = boxes.stream().map(b -> b.rect().toQuad(angle)).toList();
        int[] widestFirst = IntStream.range(0, quads.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -quads.get(i).width() / quads.get(i).height()))
                .mapToInt(Integer::intValue)
                .toArray();
        RecognizedLine[] lines = new RecognizedLine[quads.size()];
        lineWork.runAll(widestFirst, i -> lines[i] = recognize(image, quads.get(i)), deadline);
        return List.of(lines);
    }

    /** The boxes found in {@code image}, in image pixels. */
    List<DetectedBox> detect(RgbImage image) throws OrtException {
        DetectorInput input = DetectorInput.prepare(image, params.maxSideLength());
        float[] probability = models.detect(input.tensor(), input.width(), input.height());
        List<DetectedBox> boxes = new ArrayList<>();
        for (DetectedBox box : DbPostProcessor.boxes(probability, input.width(), input.height(), params)) {
            boxes.add(new DetectedBox(box.rect().scale(input.scaleX(), input.scaleY()), box.score()));
        }
        return boxes;
    }

    /**
     * The reading direction of the page in radians (image y down; 0 = upright text, π/2 = text turned 90°
     * clockwise): the boxes' common axis, turned half way round when the direction classifier says most of the
     * longest lines read the other way.
     */
    double readingAngle(RgbImage image, List<DetectedBox> boxes) throws OrtException {
        double axis = TextOrientation.axis(boxes);
        List<DetectedBox> voters = boxes.stream()
                .sorted(Comparator.comparingDouble((DetectedBox b) -> -b.rect().length()))
                .limit(DIRECTION_VOTERS)
                .toList();
        if (voters.isEmpty()) {
            return axis;
        }
        List<RgbImage> crops = new ArrayList<>();
        for (DetectedBox box : voters) {
            crops.add(classifierCrop(image, box.rect().toQuad(axis)));
        }
        float[] p = models.classify(RecognizerInput.batch(crops, RecognizerInput.CLASSIFIER_WIDTH), crops.size());
        double flipped = 0, upright = 0;
        for (int i = 0; i < crops.size(); i++) {
            double weight = voters.get(i).rect().length();
            upright += weight * p[2 * i];
            flipped += weight * p[2 * i + 1];
        }
        return flipped > upright ? axis + Math.PI : axis;
    }

    private static RgbImage classifierCrop(RgbImage image, Quad quad) {
        return ImageOps.cropQuad(image, quad, RecognizerInput.HEIGHT, RecognizerInput.CLASSIFIER_WIDTH);
    }

    /** Recognises one line (corners in reading order). */
    RecognizedLine recognize(RgbImage image, Quad box) throws OrtException {
        RgbImage crop = ImageOps.cropQuad(image, box, RecognizerInput.HEIGHT, MAX_LINE_WIDTH);
        int width = crop.width();
        float[] probabilities = models.recognize(RecognizerInput.tensor(crop, width), 1, width);
        int classes = models.recognizerClasses();
        int steps = probabilities.length / classes;
        DecodedText text = CtcGreedyDecoder.decode(probabilities, steps, classes, models.dictionary());
        return new RecognizedLine(box, text);
    }
}
