package io.idcardstream.engine.card;

import io.idcardstream.engine.card.AnchorMatcher.Anchor;
import io.idcardstream.engine.card.CardFrame.Fit;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Homography.Correspondence;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.GlyphLine;
import io.idcardstream.ocr.CardSide;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the cards in an image from the text read on them, without looking for the card's physical edges: the
 * fixed printed text of each side (labels, the card title, the ID number's digits) is matched to the
 * {@link CardTemplate}, and a transform from image to template is fitted through those anchors, discarding
 * anchors that disagree with the rest. The more the anchors spread over the card, the more of the perspective the
 * fit can model: one row gives a similarity, several rows an affine transform, and a full homography when the
 * photo's perspective is strong enough that an affine fit cannot follow the anchors.
 */
public final class CardLocator {
    /** An anchor this far (template units, 0.1 mm) from where the fit puts it is taken to be a misread or a look-alike. */
    static final double OUTLIER_DISTANCE = 30;
    /** A fit whose anchors miss by more than this on average is rejected. */
    static final double MAX_RMS_ERROR = 25;
    /**
     * An affine fit this good (template units) is kept: specimens differ from the template by about this much, and
     * a perspective fit would bend the card to follow those differences, swinging the far corners (where no anchor
     * is: the portrait's side) by centimetres (both_02: 3.9 affine, 2.8 perspective, a corner 6 mm off).
     */
    static final double AFFINE_ENOUGH = 5;
    /**
     * A perspective fit replaces the affine one only when it cuts the anchors' error to this fraction or less.
     * Keystoned synthetic photos go from 6–9 to about 5 (the template's own mismatch with the card) and are kept
     * affine: there a homography swung the anchor-free top-right corner by up to 9 mm, an affine fit by about 2.
     */
    static final double PERSPECTIVE_GAIN = 0.6;
    /** Fewer anchors than this are a coincidence (one label pair, or a look-alike), not a card. */
    static final int MIN_ANCHORS = 4;
    /** A card smaller than this in the image (pixels wide) is not a card but a coincidence of anchors. */
    static final double MIN_CARD_WIDTH = 60;

    private CardLocator() {}

    /** A page holds at most this many cards of one side (two copies of a front on one A4 sheet). */
    static final int MAX_CARDS_PER_SIDE = 2;
    /**
     * A second card of a side must show this many different printed phrases (the ID number counts as one): the
     * form beside a card in an app screenshot repeats a label and the number in the card's relative places.
     */
    static final int MIN_PHRASES_OF_ANOTHER_CARD = 3;

    /**
     * The cards found, the best supported first. Each card is the largest group of one side's anchors that agree
     * with one placement ({@link AnchorConsensus}); the anchors left over are searched again for another card of
     * that side, so a form or a second card repeating the labels never bends the first card's fit.
     */
    public static List<CardFrame> locate(List<GlyphLine> lines) {
        List<CardFrame> frames = new ArrayList<>();
        for (CardSide side : CardSide.values()) {
            List<Anchor> remaining = new ArrayList<>(AnchorMatcher.match(lines, side));
            for (int card = 0; card < MAX_CARDS_PER_SIDE; card++) {
                List<Anchor> agreeing = AnchorConsensus.largestAgreeingGroup(remaining);
                if (agreeing.isEmpty() || (card > 0 && phrases(agreeing) < MIN_PHRASES_OF_ANOTHER_CARD)) {
                    break;
                }
                Optional<CardFrame> frame = fit(side, agreeing, lines);
                if (frame.isEmpty()) {
                    break;
                }
                frames.add(frame.get());
                remaining.removeAll(agreeing);
            }
        }
        frames.sort(Comparator.comparingInt(CardFrame::anchors).reversed());
        return frames;
    }

    static Optional<CardFrame> fit(CardSide side, List<Anchor> anchors, List<GlyphLine> lines) {
        List<Correspondence> all = anchors.stream().filter(Anchor::positional).map(Anchor::pair).toList();
        if (distinctImagePoints(all) < 2) {
            return Optional.empty();
        }
        // The most flexible model the anchors allow trims the outliers, so that real perspective is not mistaken
        // for misplaced anchors; the simplest model that follows the survivors is then kept.
        List<Correspondence> pairs = null;
        Homography model = null;
        Fit fit = null;
        if (perspectiveCapable(all)) {
            List<Correspondence> kept = trim(all, Homography::fit, 8);
            if (perspectiveCapable(kept)) {
                Homography perspective = Homography.fit(kept);
                double affineError = rms(kept, Homography.fitAffine(kept));
                if (affineError > AFFINE_ENOUGH && rms(kept, perspective) < PERSPECTIVE_GAIN * affineError
                        && plausible(perspective.inverse())) {
                    pairs = kept;
                    model = perspective;
                    fit = Fit.PERSPECTIVE;
                }
            }
        }
        if (model == null && spreadOverCard(all)) {
            List<Correspondence> kept = trim(all, Homography::fitAffine, 3);
            if (spreadOverCard(kept)) {
                pairs = kept;
                model = Homography.fitAffine(kept);
                fit = Fit.AFFINE;
            }
        }
        if (model == null) {
            pairs = trim(all, Homography::fitSimilarity, 2);
            if (distinctImagePoints(pairs) < 2) {
                return Optional.empty();
            }
            model = Homography.fitSimilarity(pairs);
            fit = Fit.SIMILARITY;
        }
        double error = rms(pairs, model);
        Homography cardToImage = model.inverse();
        if (pairs.size() < MIN_ANCHORS || error > MAX_RMS_ERROR || !plausible(cardToImage)) {
            return Optional.empty();
        }
        LabelSightings labels = LabelSightings.find(side, anchors, lines, model);
        return Optional.of(new CardFrame(side, model, cardToImage, fit, pairs.size(), error, labels.glyphs(),
                labels.valueStarts(), extent(pairs)));
    }

    private static long phrases(List<Anchor> anchors) {
        return anchors.stream().map(Anchor::phrase).distinct().count();
    }

    /** The template rectangle the anchors span: inside it the frame interpolates, outside it extrapolates. */
    private static Quad extent(List<Correspondence> pairs) {
        double left = Double.POSITIVE_INFINITY, top = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        for (Correspondence c : pairs) {
            left = Math.min(left, c.to().x());
            right = Math.max(right, c.to().x());
            top = Math.min(top, c.to().y());
            bottom = Math.max(bottom, c.to().y());
        }
        return Quad.rectangle(left, top, right, bottom);
    }

    /** Enough anchors, over enough rows and width, for the eight unknowns of a homography to be well determined. */
    private static boolean perspectiveCapable(List<Correspondence> pairs) {
        return pairs.size() >= 8 && spreadOverCard(pairs) && rows(pairs) >= 3 && spread(pairs, Point::x) >= 300;
    }


    /**
     * Drops the anchors the model misplaces by more than {@link #OUTLIER_DISTANCE}, worst first and refitting after
     * each, while more than {@code minimum} remain.
     */
    private static List<Correspondence> trim(List<Correspondence> pairs,
            Function<List<Correspondence>, Homography> fitter, int minimum) {
        List<Correspondence> kept = new ArrayList<>(pairs);
        while (kept.size() > minimum) {
            Homography model;
            try {
                model = fitter.apply(kept);
            } catch (IllegalArgumentException degenerate) {
                break;
            }
            Correspondence worst = kept.stream().max(Comparator.comparingDouble(c -> residual(c, model))).orElseThrow();
            if (residual(worst, model) <= OUTLIER_DISTANCE) {
                break;
            }
            kept.remove(worst);
        }
        return kept;
    }

    /** Anchors in more than one place both across and down the card, so shear and unequal scales are determined. */
    private static boolean spreadOverCard(List<Correspondence> pairs) {
        return pairs.size() >= 3 && spread(pairs, Point::x) >= 120 && spread(pairs, Point::y) >= 120;
    }

    static double residual(Correspondence c, Homography model) {
        return model.apply(c.from()).distanceTo(c.to());
    }

    private static double rms(List<Correspondence> pairs, Homography model) {
        double sum = 0;
        for (Correspondence c : pairs) {
            double r = residual(c, model);
            sum += r * r;
        }
        return Math.sqrt(sum / pairs.size());
    }

    private static double spread(List<Correspondence> pairs, java.util.function.ToDoubleFunction<Point> axis) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Correspondence c : pairs) {
            min = Math.min(min, axis.applyAsDouble(c.to()));
            max = Math.max(max, axis.applyAsDouble(c.to()));
        }
        return max - min;
    }

    /** How many template rows (anchor y values) the anchors cover. */
    private static long rows(List<Correspondence> pairs) {
        return pairs.stream().mapToDouble(c -> c.to().y()).distinct().count();
    }

    private static long distinctImagePoints(List<Correspondence> pairs) {
        return pairs.stream().map(Correspondence::from).distinct().count();
    }

    /** The card must come out as a convex quad of sensible size whose sides keep roughly the card's proportions. */
    static boolean plausible(Homography cardToImage) {
        Quad card = CardTemplate.CARD.map(cardToImage);
        if (!convex(card) || card.width() < MIN_CARD_WIDTH) {
            return false;
        }
        double aspect = card.width() / Math.max(1e-9, card.height());
        double expected = CardTemplate.WIDTH / CardTemplate.HEIGHT;
        // Perspective and the photo's own aspect distort this; a factor of two either way is no longer a card.
        return aspect > expected / 2 && aspect < expected * 2;
    }

    private static boolean convex(Quad quad) {
        List<Point> c = quad.corners();
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            Point a = c.get(i), b = c.get((i + 1) % 4), d = c.get((i + 2) % 4);
            double cross = (b.x() - a.x()) * (d.y() - b.y()) - (b.y() - a.y()) * (d.x() - b.x());
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s == 0 || (sign != 0 && s != sign)) {
                return false;
            }
            sign = s;
        }
        return true;
    }
}
