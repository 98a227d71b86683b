package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One captured image and what labels.json says about how it was captured. Recipes whose conditions vary from image
 * to image (the turn of a rotated page, a copy or not, the JPEG quality) set them here.
 *
 * @param rotationCwToUpright per side label ({@code front}, {@code back}), degrees (a multiple of 90) to turn the
 *     image clockwise so that side is upright
 * @param skewCwToUprightDeg per side label, the exact clockwise turn to upright; empty unless the turn is not a
 *     multiple of 90 on purpose
 * @param extraTags tags of this image beyond the recipe's own
 */
record Capture(BufferedImage image, float jpegQuality, String captureLabel, String colorLabel,
        Map<String, Integer> rotationCwToUpright, Map<String, Double> skewCwToUprightDeg, List<String> extraTags) {

    Capture {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(captureLabel, "captureLabel");
        Objects.requireNonNull(colorLabel, "colorLabel");
        rotationCwToUpright = Map.copyOf(rotationCwToUpright);
        skewCwToUprightDeg = Map.copyOf(skewCwToUprightDeg);
        extraTags = List.copyOf(extraTags);
    }

    /** An image of {@code sides}, each turned by {@code rotation} from upright, labelled as the recipe says. */
    static Capture of(BufferedImage image, Recipe recipe, float jpegQuality, Sides sides, int rotation) {
        Map<String, Integer> turns = new LinkedHashMap<>();
        sides.labels().forEach(side -> turns.put(side, rotation));
        return new Capture(image, jpegQuality, recipe.captureLabel(), recipe.colorLabel(), turns, Map.of(), List.of());
    }

    /** The same image with the given side's turn: the exact angle and its nearest multiple of 90. */
    Capture turned(String side, double cwDegreesToUpright) {
        double exact = ((cwDegreesToUpright % 360) + 360) % 360;
        Map<String, Integer> turns = new LinkedHashMap<>(rotationCwToUpright);
        turns.put(side, (int) (Math.round(exact / 90) * 90 % 360));
        Map<String, Double> skews = new LinkedHashMap<>(skewCwToUprightDeg);
        skews.put(side, Math.round(exact * 10) / 10.0);
        return new Capture(image, jpegQuality, captureLabel, colorLabel, turns, skews, extraTags);
    }

    Capture withColor(String capture, String color) {
        return new Capture(image, jpegQuality, capture, color, rotationCwToUpright, skewCwToUprightDeg, extraTags);
    }

    Capture withTags(String... tags) {
        List<String> all = new ArrayList<>(extraTags);
        all.addAll(List.of(tags));
        return new Capture(image, jpegQuality, captureLabel, colorLabel, rotationCwToUpright, skewCwToUprightDeg, all);
    }
}
