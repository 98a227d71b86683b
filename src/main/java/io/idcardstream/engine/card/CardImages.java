package io.idcardstream.engine.card;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.image.ImageOps;
import io.idcardstream.engine.image.RgbImage;

/**
 * Straightened views of a located card: the whole card (IDCardOCR's {@code CropIdCard}), the portrait
 * ({@code CropPortrait}), and the card with a margin for a second, closer reading.
 *
 * <p>Pure and thread-safe.
 */
public final class CardImages {
    /** Crops are never narrower than half the template nor wider than this (pixels). */
    static final int MIN_CROP_WIDTH = 428, MAX_CROP_WIDTH = 1024;
    /** What pixels outside the image become in a crop: white, like the card's margin on a scan. */
    private static final int OUTSIDE = 0xFFFFFF;

    private CardImages() {}

    /** A region of the template, straightened, {@code width} pixels wide. */
    public static RgbImage region(RgbImage image, CardFrame frame, Quad templateRegion, int width) {
        double scale = width / templateRegion.width();
        int height = Math.max(1, (int) Math.round(templateRegion.height() * scale));
        Quad output = Quad.rectangle(-0.5, -0.5, width - 0.5, height - 0.5);
        Homography outputToImage = frame.cardToImage().after(Homography.quadToQuad(output, templateRegion));
        return ImageOps.warp(image, outputToImage, width, height, OUTSIDE);
    }

    /** The whole card at about the resolution it has in the image (within {@link #MIN_CROP_WIDTH}..{@link #MAX_CROP_WIDTH}). */
    public static RgbImage card(RgbImage image, CardFrame frame) {
        return region(image, frame, CardTemplate.CARD, cropWidth(frame));
    }

    /** The front's portrait at the same scale as {@link #card}. */
    public static RgbImage portrait(RgbImage image, CardFrame frame) {
        double scale = cropWidth(frame) / CardTemplate.WIDTH;
        return region(image, frame, CardTemplate.PORTRAIT,
                Math.max(1, (int) Math.round(CardTemplate.PORTRAIT.width() * scale)));
    }

    private static int cropWidth(CardFrame frame) {
        int native_ = (int) Math.round(frame.cardInImage().width());
        return Math.max(MIN_CROP_WIDTH, Math.min(MAX_CROP_WIDTH, native_));
    }

    /**
     * The card plus {@code margin} template units on every side, one pixel per template unit (0.1 mm: text about
     * 27 pixels high, what the detector and recogniser read best), and the transform from its pixels back to the
     * image's.
     */
    public record Straightened(RgbImage image, Homography toImage) {}

    public static Straightened straightened(RgbImage image, CardFrame frame, double margin) {
        Quad region = Quad.rectangle(-margin, -margin, CardTemplate.WIDTH + margin, CardTemplate.HEIGHT + margin);
        int width = (int) Math.round(region.width());
        int height = (int) Math.round(region.height());
        Quad output = Quad.rectangle(-0.5, -0.5, width - 0.5, height - 0.5);
        Homography outputToImage = frame.cardToImage().after(Homography.quadToQuad(output, region));
        return new Straightened(ImageOps.warp(image, outputToImage, width, height, OUTSIDE), outputToImage);
    }
}
