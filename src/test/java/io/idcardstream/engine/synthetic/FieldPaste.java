package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An edited card as a quick forgery makes it: a field's print covered by a flat patch of the card's colour (its
 * median there, so the guilloche under it is gone) and the text set again on top, in the card's font but another
 * size (80–90%, or 112–125% and for the ID number 108–115% to stay on the card; its character pitch with it) and a
 * little off its row: on a front the ID number or the name, on a back the validity or the authority, the fields a
 * forger changes to pass an identity or an expiry check. Positions
 * in {@link CardLayout} units. Neither the patch (the generated guilloche is too faint to show it) nor the size (real
 * designs vary more) gives the paste away; the compression history does when the paste is made in a JPEG that is
 * saved again ({@link WarningSet}'s {@code edited} condition; docs/decisions.md).
 */
final class FieldPaste {
    private FieldPaste() {}

    /** The fields a forger changes: on a front the ID number (or the name), on a back the validity or the authority. */
    enum Field { ID_NUMBER, NAME, VALIDITY, AUTHORITY }

    /** One field pasted in: the ID number on a front, the validity or the authority on a back. */
    static BufferedImage paste(BufferedImage card, SyntheticIdentity identity, boolean front, CardFonts fonts,
            SplittableRandom random) {
        boolean first = random.nextBoolean();
        Field field = front ? Field.ID_NUMBER : first ? Field.VALIDITY : Field.AUTHORITY;
        return paste(card, identity, field, fonts, random);
    }

    /**
     * Where a field is printed, in {@link CardLayout} units: its text and font, where it starts, its row's centre,
     * its width, half the patch's height, and its character pitch (0: the font's own).
     */
    private record Slot(String text, Font font, int x, int centreY, double width, double halfHeight, double advance) {
        static Slot of(Field field, SyntheticIdentity identity, CardFonts fonts) {
            return switch (field) {
                case ID_NUMBER -> new Slot(identity.idNumber(), fonts.mono().deriveFont(CardLayout.ID_NUMBER_SIZE),
                        CardLayout.ID_NUMBER_X, CardLayout.ID_Y,
                        identity.idNumber().length() * CardLayout.ID_NUMBER_ADVANCE, 24,
                        CardLayout.ID_NUMBER_ADVANCE);
                case NAME -> new Slot(identity.name(), fonts.cjk().deriveFont(CardLayout.VALUE_SIZE),
                        CardLayout.VALUE_X, CardLayout.NAME_Y, identity.name().length() * CardLayout.VALUE_SIZE, 22,
                        0);
                case VALIDITY -> new Slot(identity.validPeriod(), fonts.cjk().deriveFont(CardLayout.BACK_VALUE_SIZE),
                        CardLayout.BACK_VALUE_X, CardLayout.VALIDITY_Y, identity.validPeriod().length() * 17, 22, 0);
                case AUTHORITY -> new Slot(identity.authority(), fonts.cjk().deriveFont(CardLayout.BACK_VALUE_SIZE),
                        CardLayout.BACK_VALUE_X, CardLayout.AUTHORITY_Y,
                        identity.authority().length() * CardLayout.BACK_VALUE_SIZE, 22, 0);
            };
        }
    }

    static BufferedImage paste(BufferedImage card, SyntheticIdentity identity, Field field, CardFonts fonts,
            SplittableRandom random) {
        Slot slot = Slot.of(field, identity, fonts);
        // Larger, but still inside the card's print area: an ID number has room for 15% more
        double larger = slot.advance() > 0 ? random.nextDouble(1.08, 1.15) : random.nextDouble(1.12, 1.25);
        double scale = random.nextBoolean() ? random.nextDouble(0.8, 0.9) : larger;
        BufferedImage out = new BufferedImage(card.getWidth(), card.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(card, 0, 0, null);
        double toPixels = (double) card.getWidth() / CardLayout.WIDTH;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(toPixels, toPixels);
        Rectangle2D patch = new Rectangle2D.Double(slot.x() - 6, slot.centreY() - slot.halfHeight(),
                Math.min(slot.width() * 1.3 + 12, CardLayout.WIDTH - 40 - slot.x()), 2 * slot.halfHeight());
        g.setColor(new Color(median(card, patch, toPixels)));
        g.fill(patch);
        Font pasted = slot.font().deriveFont(slot.font().getSize2D() * (float) scale);
        g.setFont(pasted);
        g.setColor(new Color(18, 18, 18));
        Rectangle2D ink = pasted.createGlyphVector(g.getFontRenderContext(), "中").getVisualBounds();
        double dy = random.nextDouble(-4, 4);
        float baseline = (float) (slot.centreY() + dy - ink.getCenterY());
        if (slot.advance() == 0) {
            g.drawString(slot.text(), (float) slot.x(), baseline);
        } else {
            for (int i = 0; i < slot.text().length(); i++) {
                float at = (float) (slot.x() + i * slot.advance() * scale);
                g.drawString(slot.text().substring(i, i + 1), at, baseline);
            }
        }
        g.dispose();
        return out;
    }

    /** The median colour of the patch's area, each channel on its own: the card's colour there without its ink. */
    private static int median(BufferedImage card, Rectangle2D patch, double toPixels) {
        int x0 = (int) (patch.getX() * toPixels), y0 = (int) (patch.getY() * toPixels);
        int x1 = Math.min(card.getWidth(), (int) (patch.getMaxX() * toPixels));
        int y1 = Math.min(card.getHeight(), (int) (patch.getMaxY() * toPixels));
        int n = Math.max(1, (x1 - x0) * (y1 - y0));
        int[][] channels = new int[3][n];
        int i = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int v = card.getRGB(x, y);
                channels[0][i] = (v >> 16) & 0xFF;
                channels[1][i] = (v >> 8) & 0xFF;
                channels[2][i++] = v & 0xFF;
            }
        }
        int rgb = 0;
        for (int[] channel : channels) {
            Arrays.sort(channel, 0, i);
            rgb = rgb << 8 | channel[i / 2];
        }
        return rgb;
    }
}
