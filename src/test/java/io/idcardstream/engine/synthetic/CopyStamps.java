package io.idcardstream.engine.synthetic;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The copy-control stamps of idcards-dev2's competition cards, printed over field text: a framed 复印无效 ("copy not
 * valid") in large brush-like characters, and a square 禁止复印 ("no copying") seal of 2 x 2 characters read in
 * columns from the right (禁止, then 复印), filled with ink (characters left blank) or outlined. The ink multiplies
 * with the card, so text under a stamp stays readable, as on paper; each stamp covers part of one value line.
 */
final class CopyStamps {

    static final Color RED = new Color(222, 40, 44);
    /** The competition's grey cards carry near-black stamps. */
    static final Color DARK_GREY = new Color(58, 58, 58);

    /** Value lines a stamp may cover: centre row, first and last x of the value (card pixels). */
    private record Line(String tag, int y, int fromX, int toX) {
    }

    private static final List<Line> FRONT_LINES = List.of(
            new Line("stamp_over_address", CardLayout.ADDRESS_Y, CardLayout.VALUE_X, 520),
            new Line("stamp_over_address", CardLayout.ADDRESS_Y + CardLayout.ADDRESS_LINE_STEP, CardLayout.VALUE_X,
                    520),
            new Line("stamp_over_id_number", CardLayout.ID_Y, CardLayout.ID_NUMBER_X, 750),
            new Line("stamp_over_birth", CardLayout.BIRTH_Y, CardLayout.VALUE_X, 440));

    private static final List<Line> BACK_LINES = List.of(
            new Line("stamp_over_authority", CardLayout.AUTHORITY_Y, CardLayout.BACK_VALUE_X, 690),
            new Line("stamp_over_valid_date", CardLayout.VALIDITY_Y, CardLayout.BACK_VALUE_X, 700));

    private CopyStamps() {
    }

    /**
     * Stamps the card in place with a frame or a seal over one value line of {@code sides}, or (on a front, one time
     * in five) both, one of them over the ID number so that they do not pile up on one field; returns the
     * labels.json tags saying which stamps and where.
     */
    static List<String> stamp(BufferedImage card, Sides sides, Font cjk, Color ink, RandomGenerator random) {
        List<Line> lines = new ArrayList<>(sides == Sides.BACK ? BACK_LINES : FRONT_LINES);
        boolean both = sides != Sides.BACK && random.nextInt(5) == 0;
        Line frameLine = null;
        Line sealLine = null;
        if (both) {
            Line idNumber = lines.remove(2);
            Line other = lines.get(random.nextInt(lines.size()));
            boolean frameOnNumber = random.nextBoolean();
            frameLine = frameOnNumber ? idNumber : other;
            sealLine = frameOnNumber ? other : idNumber;
        } else if (random.nextBoolean()) {
            frameLine = lines.get(random.nextInt(lines.size()));
        } else {
            sealLine = lines.get(random.nextInt(lines.size()));
        }
        List<String> tags = new ArrayList<>();
        BufferedImage layer = InkLayer.layer(card);
        Graphics2D g = InkLayer.cardGraphics(layer);
        g.setColor(ink);
        if (frameLine != null) {
            frame(g, cjk, frameLine, random);
            tags.add("stamp_fuyinwuxiao");
            tags.add(frameLine.tag());
        }
        if (sealLine != null) {
            boolean filled = random.nextBoolean();
            seal(g, cjk, sealLine, filled, random);
            tags.add("stamp_jinzhifuyin");
            tags.add(filled ? "seal_filled" : "seal_outlined");
            if (!tags.contains(sealLine.tag())) {
                tags.add(sealLine.tag());
            }
        }
        g.dispose();
        InkLayer.multiply(card, layer, random.nextDouble(0.75, 0.9));
        return tags;
    }

    /** 复印无效 in a rectangle, characters 1.2-1.7 times the value text's height, overlapping part of the line. */
    private static void frame(Graphics2D g, Font cjk, Line line, RandomGenerator random) {
        float size = (float) (CardLayout.VALUE_SIZE * random.nextDouble(1.2, 1.7));
        double pitch = size * 1.12;
        double width = 4 * pitch + 0.5 * size;
        double height = 1.45 * size;
        double centreX = clamp(random.nextDouble(line.fromX() + 0.3 * width, line.toX() + 0.2 * width), width);
        double centreY = line.y() + (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.1, 0.4) * height;
        AffineTransform before = g.getTransform();
        g.rotate(Math.toRadians(random.nextDouble(-5, 5)), centreX, centreY);
        g.setStroke(new BasicStroke((float) (size * 0.08)));
        g.draw(new Rectangle2D.Double(centreX - width / 2, centreY - height / 2, width, height));
        String text = "复印无效";
        for (int i = 0; i < 4; i++) {
            brushGlyph(g, cjk, size, text.substring(i, i + 1), centreX - 2 * pitch + (i + 0.5) * pitch, centreY,
                    true, random);
        }
        g.setTransform(before);
    }

    /**
     * The 2 x 2 seal 禁止 / 复印 (right column first), outlined, or filled with half-strength ink and blank characters
     * (a full-strength fill would leave the text under it too little contrast to read).
     */
    private static void seal(Graphics2D g, Font cjk, Line line, boolean filled, RandomGenerator random) {
        double side = random.nextDouble(110, 165);
        float size = (float) (side * 0.36);
        double centreX = clamp(random.nextDouble(line.fromX() + 0.2 * side, line.toX() + 0.3 * side), side);
        double centreY = line.y() + (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.15, 0.35) * side;
        AffineTransform before = g.getTransform();
        g.rotate(Math.toRadians(random.nextDouble(-6, 6)), centreX, centreY);
        Shape square = new RoundRectangle2D.Double(centreX - side / 2, centreY - side / 2, side, side, side * 0.12,
                side * 0.12);
        Color ink = g.getColor();
        if (filled) {
            g.setColor(new Color(ink.getRed(), ink.getGreen(), ink.getBlue(), 128));
            g.fill(square);
            // The characters are where the seal leaves paper: drawn in white on the ink layer, which multiplies to
            // nothing.
            g.setColor(Color.WHITE);
        } else {
            g.setStroke(new BasicStroke((float) (side * 0.05)));
            g.draw(square);
        }
        double quarter = side / 4;
        String[] columns = {"禁止", "复印"};
        for (int column = 0; column < 2; column++) {
            double x = centreX + (column == 0 ? quarter : -quarter);
            for (int row = 0; row < 2; row++) {
                brushGlyph(g, cjk, size, columns[column].substring(row, row + 1), x,
                        centreY + (row == 0 ? -quarter : quarter), !filled, random);
            }
        }
        g.setColor(ink);
        g.setTransform(before);
    }

    /**
     * One character in a brush-like hand: the machines have no 楷体 font (only WenQuanYi Zen Hei), so the bold sans
     * glyph is slanted, its strokes thickened unevenly and, when it is ink ({@code dryGaps}), broken by a few thin
     * gaps where the brush ran dry.
     */
    private static void brushGlyph(Graphics2D g, Font cjk, float size, String character, double centreX,
            double centreY, boolean dryGaps, RandomGenerator random) {
        Font font = cjk.deriveFont(Font.BOLD, size)
                .deriveFont(AffineTransform.getShearInstance(random.nextDouble(-0.12, 0.04), 0));
        GlyphVector glyph = font.createGlyphVector(g.getFontRenderContext(), character);
        Rectangle2D bounds = glyph.getVisualBounds();
        Shape outline = glyph.getOutline((float) (centreX - bounds.getCenterX()),
                (float) (centreY - bounds.getCenterY()));
        g.fill(outline);
        g.setStroke(new BasicStroke((float) (size * random.nextDouble(0.02, 0.06)), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        g.draw(outline);
        if (!dryGaps) {
            return;
        }
        Composite composite = g.getComposite();
        g.setComposite(AlphaComposite.Clear);
        for (int gap = 0; gap < 3; gap++) {
            double y = centreY + random.nextDouble(-0.45, 0.45) * size;
            g.fill(new Rectangle2D.Double(centreX - size / 2, y, size, size * random.nextDouble(0.015, 0.04)));
        }
        g.setComposite(composite);
    }

    /** Keeps a stamp of {@code width} inside the card horizontally. */
    private static double clamp(double centreX, double width) {
        return Math.max(width / 2 + 10, Math.min(CardLayout.WIDTH - width / 2 - 10, centreX));
    }
}
