package io.idcardstream.engine.card;

import io.idcardstream.engine.card.AnchorMatcher.Anchor;
import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Homography.Correspondence;
import io.idcardstream.engine.geom.Point;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks, among the anchors of one side, the largest group that one card explains: every pair of anchors far enough
 * apart on the template proposes where a card is (a similarity transform through the two), and the proposal that
 * places the most anchors near their template places wins (RANSAC over all pairs: there are at most a few dozen
 * anchors). Anchors of text that merely repeats a card's labels elsewhere — the form beside a card in an app
 * screenshot, a second card on the page — disagree with that card and are left for another search.
 *
 * <p>Pure and thread-safe.
 */
final class AnchorConsensus {
    /**
     * An anchor this far (template units) from where a proposal puts it does not support it. Looser than the final
     * fit's outlier distance: a similarity cannot follow a photo's perspective or a specimen's own layout, and the
     * fit that follows trims what the looser test let in.
     */
    static final double SUPPORT_DISTANCE = 45;
    /**
     * Two anchors closer than this on the template (a label's two characters) fix a card's angle too loosely: a
     * pixel of error turns the far side of the card by several millimetres.
     */
    static final double MIN_BASELINE = 150;

    private AnchorConsensus() {}

    /**
     * The anchors that agree with the best supported card, with the label tails of their matches; empty when no
     * two anchors propose a plausible card.
     */
    static List<Anchor> largestAgreeingGroup(List<Anchor> anchors) {
        List<Anchor> positional = anchors.stream().filter(Anchor::positional).toList();
        Similarity best = null;
        int bestSupport = 0;
        double bestSpread = Double.POSITIVE_INFINITY;
        for (int i = 0; i < positional.size(); i++) {
            for (int j = i + 1; j < positional.size(); j++) {
                Similarity proposal = Similarity.through(positional.get(i), positional.get(j));
                if (proposal == null) {
                    continue;
                }
                int support = 0;
                double spread = 0;
                for (Anchor anchor : positional) {
                    double residual = proposal.residual(anchor);
                    if (residual <= SUPPORT_DISTANCE) {
                        support++;
                        spread += residual;
                    }
                }
                if (support > bestSupport || (support == bestSupport && spread < bestSpread)) {
                    best = proposal;
                    bestSupport = support;
                    bestSpread = spread;
                }
            }
        }
        if (best == null) {
            return List.of();
        }
        Similarity winner = best;
        List<Anchor> agreeing = new ArrayList<>(positional.stream()
                .filter(a -> winner.residual(a) <= SUPPORT_DISTANCE).toList());
        agreeing = new ArrayList<>(refined(positional, agreeing));
        Set<String> agreeingMatches = new HashSet<>();
        agreeing.forEach(a -> agreeingMatches.add(a.match()));
        for (Anchor anchor : anchors) {
            if (!anchor.positional() && agreeingMatches.contains(anchor.match())) {
                agreeing.add(anchor);
            }
        }
        return agreeing;
    }

    /**
     * The supporters of the best proposal, re-counted under richer models fitted through them (affine, then a
     * homography once there are enough), so that a photo's perspective does not cost the far anchors their
     * support: the similarity only picks the card, the refits say which anchors are on it.
     */
    private static List<Anchor> refined(List<Anchor> positional, List<Anchor> supporters) {
        List<Anchor> current = supporters;
        for (int round = 0; round < REFINEMENTS; round++) {
            List<Correspondence> pairs = current.stream().map(Anchor::pair).toList();
            Homography model;
            try {
                model = pairs.size() >= 8 ? Homography.fit(pairs) : Homography.fitAffine(pairs);
            } catch (IllegalArgumentException degenerate) {
                return current;
            }
            List<Anchor> next = positional.stream()
                    .filter(a -> CardLocator.residual(a.pair(), model) <= SUPPORT_DISTANCE).toList();
            if (next.size() <= current.size()) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** Refits of the winning proposal; each can only add supporters, and two rounds reach every one seen. */
    static final int REFINEMENTS = 3;

    /** Image → template as z ↦ a·z + b on complex numbers: rotation and uniform scale {@code a}, shift {@code b}. */
    private record Similarity(double ar, double ai, double br, double bi) {

        static Similarity through(Anchor first, Anchor second) {
            Point z1 = first.pair().from(), z2 = second.pair().from();
            Point t1 = first.pair().to(), t2 = second.pair().to();
            if (t1.distanceTo(t2) < MIN_BASELINE) {
                return null;
            }
            double dzr = z2.x() - z1.x(), dzi = z2.y() - z1.y();
            double dz2 = dzr * dzr + dzi * dzi;
            if (dz2 < 1) {
                return null;
            }
            double dtr = t2.x() - t1.x(), dti = t2.y() - t1.y();
            double ar = (dtr * dzr + dti * dzi) / dz2, ai = (dti * dzr - dtr * dzi) / dz2;
            // Template units per image pixel: a card narrower than the locator's minimum is a coincidence.
            double scale = Math.hypot(ar, ai);
            if (CardTemplate.WIDTH / scale < CardLocator.MIN_CARD_WIDTH) {
                return null;
            }
            double br = t1.x() - (ar * z1.x() - ai * z1.y());
            double bi = t1.y() - (ai * z1.x() + ar * z1.y());
            return new Similarity(ar, ai, br, bi);
        }

        double residual(Anchor anchor) {
            Point z = anchor.pair().from(), t = anchor.pair().to();
            double u = ar * z.x() - ai * z.y() + br, v = ai * z.x() + ar * z.y() + bi;
            return Math.hypot(u - t.x(), v - t.y());
        }
    }
}
