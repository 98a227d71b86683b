package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Prints one identity's card sides at whatever width a capture needs. Not thread-safe (shares the art random). */
final class CardPrinter {

    private final CardRenderer renderer;
    private final CardFonts fonts;
    private final SyntheticIdentity identity;
    private final RandomGenerator art;

    CardPrinter(CardFonts fonts, SyntheticIdentity identity, RandomGenerator art) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.renderer = new CardRenderer(fonts);
        this.identity = Objects.requireNonNull(identity, "identity");
        this.art = Objects.requireNonNull(art, "art");
    }

    BufferedImage front(int width) {
        return renderer.front(identity, width, art);
    }

    BufferedImage back(int width) {
        return renderer.back(identity, width, art);
    }

    /** The single side of a one-side image. */
    BufferedImage side(Sides sides, int width) {
        return switch (sides) {
            case FRONT -> front(width);
            case BACK -> back(width);
            case BOTH -> throw new IllegalArgumentException("sides must be FRONT or BACK for one card but was BOTH");
        };
    }

    /** The single side of a one-side image, printed in {@code style}. */
    BufferedImage side(Sides sides, int width, CardStyle style) {
        return switch (sides) {
            case FRONT -> renderer.front(identity, width, art, style);
            case BACK -> renderer.back(identity, width, art, style);
            case BOTH -> throw new IllegalArgumentException("sides must be FRONT or BACK for one card but was BOTH");
        };
    }

    CardFonts fonts() {
        return fonts;
    }

    SyntheticIdentity identity() {
        return identity;
    }

    BufferedImage stampedFront(int width) {
        BufferedImage card = front(width);
        SpecimenStamp.apply(card, fonts.cjk(), art);
        return card;
    }

    BufferedImage distractor(int width) {
        return DistractorCard.render(fonts, width, art);
    }
}
