package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * Both sides of a card copied onto one A4 sheet, as banks and employers ask for: one card above the other, each
 * slightly crooked, in either order, scanned flat at 150-300 dpi (at 150 dpi a card is ~505 px wide).
 */
final class A4Page {

    static final double A4_WIDTH_MM = 210;
    static final double A4_HEIGHT_MM = 297;
    static final double CARD_WIDTH_MM = 85.6;

    /**
     * The scanned sheet and how each card lies on it.
     *
     * @param frontTilt the front's clockwise turn on the sheet, degrees
     * @param backTilt the back's clockwise turn on the sheet, degrees
     */
    record Sheet(BufferedImage image, double frontTilt, double backTilt, boolean frontAbove) {
    }

    private A4Page() {
    }

    static Sheet scan(CardPrinter cards, int dpi, RandomGenerator random) {
        int width = (int) Math.round(A4_WIDTH_MM / 25.4 * dpi);
        int height = (int) Math.round(A4_HEIGHT_MM / 25.4 * dpi);
        double cardWidth = CARD_WIDTH_MM / 25.4 * dpi;
        double cardHeight = cardWidth / Variant.ASPECT;
        int grey = random.nextInt(226, 250);
        Scene sheet = new Scene(Distortions.gaussianNoise(1.5).apply(Backgrounds.flat(width, height, grey), random));
        boolean frontAbove = random.nextBoolean();
        double frontTilt = random.nextDouble(-3, 3);
        double backTilt = random.nextDouble(-3, 3);
        double firstY = height * random.nextDouble(0.18, 0.3);
        double secondY = firstY + cardHeight * random.nextDouble(1.25, 1.7);
        int printed = (int) Math.round(cardWidth * 1.1);
        sheet.placeFlat(cards.front(printed), Scene.quad(width / 2.0 + random.nextDouble(-0.05, 0.05) * width,
                frontAbove ? firstY : secondY, cardWidth, Variant.ASPECT, frontTilt, 0, 0));
        sheet.placeFlat(cards.back(printed), Scene.quad(width / 2.0 + random.nextDouble(-0.05, 0.05) * width,
                frontAbove ? secondY : firstY, cardWidth, Variant.ASPECT, backTilt, 0, 0));
        return new Sheet(sheet.image(), frontTilt, backTilt, frontAbove);
    }
}
