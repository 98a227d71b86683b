package io.idcardstream.engine.card;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.ocr.CardSide;
import java.util.Objects;
import java.util.Map;

/**
 * One card found in an image: which side it shows and the transforms between image pixels and
 * {@link CardTemplate} units.
 *
 * @param anchors how many anchor characters agree with the fit
 * @param rmsError their root-mean-square distance from where the fit puts them, in template units (0.1 mm)
 * @param labelGlyphs image positions of the glyphs that are printed labels and titles (not the ID number's
 *     digits), each with its phrase (e.g. 民族): labels are the card's furniture, never part of a value, and what
 *     follows a label in its line is that label's value
 * @param valueStarts for each label seen, where its value starts on the template, measured from where the label
 *     itself was seen (so a fit that is a few units off near that label does not cut the value's first character)
 * @param anchorExtent the template rectangle the anchors span: the frame is accurate inside it and extrapolates
 *     outside (the front's portrait side has no anchor)
 */
public record CardFrame(CardSide side, Homography imageToCard, Homography cardToImage, Fit fit, int anchors,
        double rmsError, Map<Point, String> labelGlyphs, Map<String, Double> valueStarts, Quad anchorExtent) {

    /** How much of the projective transform the anchors could pin down. */
    public enum Fit {
        /** Rotation, scale and shift only: the anchors lie on one row. */
        SIMILARITY,
        /** Plus shear and unequal scales. */
        AFFINE,
        /** Full perspective. */
        PERSPECTIVE
    }

    public CardFrame {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(imageToCard, "imageToCard");
        Objects.requireNonNull(cardToImage, "cardToImage");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(anchorExtent, "anchorExtent");
        labelGlyphs = Map.copyOf(labelGlyphs);
        valueStarts = Map.copyOf(valueStarts);
    }

    /** The card's outline in the image, corners in the card's reading order. */
    public Quad cardInImage() {
        return CardTemplate.CARD.map(cardToImage);
    }

    public Point toCard(Point imagePoint) {
        return imageToCard.apply(imagePoint);
    }
}
