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
import io.idcardstream.engine.rec.StampInk;
import io.idcardstream.engine.rec.TextClusters;
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
    /** How many of a cluster's longest lines vote on whether it is upside down. */
    static final int DIRECTION_VOTERS = 6;
    /** Only the clusters with the most text vote for themselves (the classifier costs a crop per voter). */
    static final int VOTING_CLUSTERS = 4;
    /**
     * A cluster decides its own direction when its voters' lengths add up to this many times their thickness
     * (about three characters); a lone character or a speck follows the page.
     */
    static final double MIN_OWN_VOTE = 3;
    /** A line read with at least this mean confidence is not read a second time without stamp ink. */
    static final float SURE = 0.95f;
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
     * Every line of {@code image}: detected, turned to its cluster's reading direction, recognised. The lines come
     * in detection order; their boxes' corners are in reading order.
     */
    List<RecognizedLine> read(RgbImage image, Deadline deadline) throws OrtException, OcrException {
        List<DetectedBox> boxes = detect(image);
        deadline.check();
        return recognizeAll(image, boxes, readingAngles(image, boxes), deadline);
    }

    /**
     * Like {@link #read} for an image known to be upright (a straightened card): the lines' axis still follows the
     * boxes, but the direction classifier is skipped.
     */
    List<RecognizedLine> readUpright(RgbImage image, Deadline deadline) throws OrtException, OcrException {
        List<DetectedBox> boxes = detect(image);
        double[] angles = new double[boxes.size()];
        java.util.Arrays.fill(angles, TextOrientation.axis(boxes));
        return recognizeAll(image, boxes, angles, deadline);
    }

    /**
     * Box {@code i} read along {@code angles[i]}, in the boxes' order. The widest crops (the costliest runs) are
     * started first so that the threads finish together.
     */
    private List<RecognizedLine> recognizeAll(RgbImage image, List<DetectedBox> boxes, double[] angles,
            Deadline deadline) throws OrtException, OcrException {
        List<Quad> quads = IntStream.range(0, boxes.size()).mapToObj(i -> boxes.get(i).rect().toQuad(angles[i]))
                .toList();
        int[] widestFirst = IntStream.range(0, quads.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -quads.get(i).width() / quads.get(i).height()))
                .mapToInt(Integer::intValue)
                .toArray();
        RecognizedLine[] lines = new RecognizedLine[quads.size()];
        lineWork.runAll(widestFirst, i -> lines[i] = recognize(image, quads.get(i)), deadline);
        return List.of(lines);
    }

    /** How much the detector shrinks {@code image} (1 when it is small enough to be read as it is). */
    double detectorScale(RgbImage image) {
        return Math.min(1.0, (double) params.maxSideLength() / Math.max(image.width(), image.height()));
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
     * The reading direction of each box in radians (image y down; 0 = upright text, π/2 = text turned 90°
     * clockwise), decided per {@linkplain TextClusters cluster} of nearby boxes: the cluster's common axis, turned
     * half way round when the direction classifier says most of its longest lines read the other way. A cluster
     * with too little text of its own to go by (a lone character) follows the whole page.
     */
    double[] readingAngles(RgbImage image, List<DetectedBox> boxes) throws OrtException {
        double pageAxis = TextOrientation.axis(boxes);
        List<List<Integer>> clusters = TextClusters.of(boxes).stream()
                .sorted(Comparator.comparingDouble((List<Integer> c) -> -totalLength(boxes, c)))
                .toList();
        double[] axes = new double[clusters.size()];
        List<RgbImage> crops = new ArrayList<>();
        List<double[]> votes = new ArrayList<>(); // per crop: cluster index, weight
        for (int c = 0; c < clusters.size(); c++) {
            List<DetectedBox> members = clusters.get(c).stream().map(boxes::get).toList();
            axes[c] = TextOrientation.hasElongated(members) ? TextOrientation.axis(members) : pageAxis;
            if (c >= VOTING_CLUSTERS) {
                continue;
            }
            for (DetectedBox box : members.stream()
                    .sorted(Comparator.comparingDouble((DetectedBox b) -> -b.rect().length()))
                    .limit(DIRECTION_VOTERS).toList()) {
                crops.add(classifierCrop(image, box.rect().toQuad(axes[c])));
                votes.add(new double[] {c, box.rect().length(), box.rect().thickness()});
            }
        }
        double[] upright = new double[clusters.size()], flipped = new double[clusters.size()];
        double[] thickest = new double[clusters.size()];
        double pageUpright = 0, pageFlipped = 0;
        if (!crops.isEmpty()) {
            float[] p = models.classify(RecognizerInput.batch(crops, RecognizerInput.CLASSIFIER_WIDTH), crops.size());
            for (int i = 0; i < crops.size(); i++) {
                int c = (int) votes.get(i)[0];
                double weight = votes.get(i)[1];
                upright[c] += weight * p[2 * i];
                flipped[c] += weight * p[2 * i + 1];
                thickest[c] = Math.max(thickest[c], votes.get(i)[2]);
                pageUpright += weight * p[2 * i];
                pageFlipped += weight * p[2 * i + 1];
            }
        }
        double[] angles = new double[boxes.size()];
        for (int c = 0; c < clusters.size(); c++) {
            boolean ownVote = upright[c] + flipped[c] >= MIN_OWN_VOTE * thickest[c] && thickest[c] > 0;
            boolean turned = ownVote ? flipped[c] > upright[c] : pageFlipped > pageUpright;
            for (int i : clusters.get(c)) {
                angles[i] = turned ? axes[c] + Math.PI : axes[c];
            }
        }
        return angles;
    }

    private static double totalLength(List<DetectedBox> boxes, List<Integer> cluster) {
        return cluster.stream().mapToDouble(i -> boxes.get(i).rect().length()).sum();
    }

    private static RgbImage classifierCrop(RgbImage image, Quad quad) {
        return ImageOps.cropQuad(image, quad, RecognizerInput.HEIGHT, RecognizerInput.CLASSIFIER_WIDTH);
    }

    /** Whether the recogniser can emit this symbol at all (its dictionary has it). */
    boolean canRead(String symbol) {
        return models.dictionary().contains(symbol);
    }

    /**
     * Recognises one line (corners in reading order). A line read unsurely whose crop has a rule through it (a
     * stamp's frame: {@link StampInk}) is read again without it, and the surer reading is kept: erasing a rule can
     * also erase a stroke lying along it, so that is a second opinion, not a rule.
     */
    RecognizedLine recognize(RgbImage image, Quad box) throws OrtException {
        RgbImage crop = ImageOps.cropQuad(image, box, RecognizerInput.HEIGHT, MAX_LINE_WIDTH);
        DecodedText text = recognize(crop);
        if (text.confidence() < SURE) {
            RgbImage cleaned = StampInk.withoutRules(crop, crop.height());
            if (cleaned != crop) {
                DecodedText second = recognize(cleaned);
                text = second.confidence() > text.confidence() ? second : text;
            }
        }
        return new RecognizedLine(box, text);
    }

    private DecodedText recognize(RgbImage crop) throws OrtException {
        int width = crop.width();
        float[] probabilities = models.recognize(RecognizerInput.tensor(crop, width), 1, width);
        int classes = models.recognizerClasses();
        int steps = probabilities.length / classes;
        return CtcGreedyDecoder.decode(probabilities, steps, classes, models.dictionary());
    }
}
