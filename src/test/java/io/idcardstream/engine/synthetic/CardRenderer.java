package io.idcardstream.engine.synthetic;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Prints the front and the back of a card in the real layout ({@link CardLayout}) at any width, on a transparent
 * image whose rounded corners stay transparent, so scenes can place it on any background.
 *
 * <p>Not thread-safe (Java2D fonts are, but one renderer is meant for one generator thread).
 */
final class CardRenderer {

    static final Color LABEL_BLUE = new Color(28, 118, 178);
    static final Color INK = new Color(22, 22, 24);

    private final CardFonts fonts;

    CardRenderer(CardFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    BufferedImage front(SyntheticIdentity identity, int width, RandomGenerator art) {
        return front(identity, width, art, CardStyle.REAL);
    }

    BufferedImage front(SyntheticIdentity identity, int width, RandomGenerator art, CardStyle style) {
        BufferedImage card = blankCard(width);
        Graphics2D g = cardGraphics(card, art);
        if (style.portrait()) {
            PortraitPainter.paint(g, art);
        }

        Font label = fonts.cjk().deriveFont((float) (CardLayout.LABEL_SIZE * style.labelScale()));
        Font value = fonts.cjk().deriveFont(CardLayout.VALUE_SIZE);
        int dx = style.valueDx();
        spaced(g, "姓名", label, LABEL_BLUE, CardLayout.LABEL_X, CardLayout.NAME_Y, CardLayout.SPACED_LABEL_ADVANCE);
        value(g, identity.name(), value, CardLayout.VALUE_X + dx, CardLayout.NAME_Y, style);

        spaced(g, "性别", label, LABEL_BLUE, CardLayout.LABEL_X, CardLayout.SEX_Y, CardLayout.SPACED_LABEL_ADVANCE);
        value(g, identity.sex().printed(), value, CardLayout.VALUE_X + dx, CardLayout.SEX_Y, style);
        spaced(g, "民族", label, LABEL_BLUE, CardLayout.NATION_LABEL_X, CardLayout.SEX_Y,
                CardLayout.SPACED_LABEL_ADVANCE);
        value(g, identity.nation(), value, CardLayout.NATION_VALUE_X + dx, CardLayout.SEX_Y, style);

        spaced(g, "出生", label, LABEL_BLUE, CardLayout.LABEL_X, CardLayout.BIRTH_Y, CardLayout.SPACED_LABEL_ADVANCE);
        text(g, String.valueOf(identity.birth().getYear()), value, INK, CardLayout.VALUE_X + dx, CardLayout.BIRTH_Y);
        text(g, "年", label, LABEL_BLUE, CardLayout.YEAR_MARK_X + dx, CardLayout.BIRTH_Y);
        centred(g, String.valueOf(identity.birth().getMonthValue()), value, CardLayout.MONTH_CENTER_X + dx,
                CardLayout.BIRTH_Y);
        text(g, "月", label, LABEL_BLUE, CardLayout.MONTH_MARK_X + dx, CardLayout.BIRTH_Y);
        centred(g, String.valueOf(identity.birth().getDayOfMonth()), value, CardLayout.DAY_CENTER_X + dx,
                CardLayout.BIRTH_Y);
        text(g, "日", label, LABEL_BLUE, CardLayout.DAY_MARK_X + dx, CardLayout.BIRTH_Y);

        spaced(g, "住址", label, LABEL_BLUE, CardLayout.LABEL_X, CardLayout.ADDRESS_Y, CardLayout.SPACED_LABEL_ADVANCE);
        // Wrapped at the font's own widths: a wider pitch spreads the same characters per line, as generators do.
        List<String> lines = wrap(identity.address(), g.getFontMetrics(value));
        for (int i = 0; i < lines.size(); i++) {
            value(g, lines.get(i), value, CardLayout.VALUE_X + dx,
                    CardLayout.ADDRESS_Y + i * CardLayout.ADDRESS_LINE_STEP, style);
        }

        spaced(g, "公民身份号码", label, LABEL_BLUE, CardLayout.LABEL_X, CardLayout.ID_Y, CardLayout.ID_LABEL_ADVANCE);
        spaced(g, identity.idNumber(), fonts.mono().deriveFont(CardLayout.ID_NUMBER_SIZE), INK,
                CardLayout.ID_NUMBER_X + style.idNumberDx(), CardLayout.ID_Y, CardLayout.ID_NUMBER_ADVANCE);
        g.dispose();
        return card;
    }

    BufferedImage back(SyntheticIdentity identity, int width, RandomGenerator art) {
        return back(identity, width, art, CardStyle.REAL);
    }

    BufferedImage back(SyntheticIdentity identity, int width, RandomGenerator art, CardStyle style) {
        return back(identity, width, art, style, false);
    }

    /**
     * The back of a temporary resident identity card (临时居民身份证): the second-generation back with the title
     * 临时居民身份证, its seven characters set closer and smaller to fit the same line.
     */
    BufferedImage temporaryBack(SyntheticIdentity identity, int width, RandomGenerator art) {
        return back(identity, width, art, CardStyle.REAL, true);
    }

    private BufferedImage back(SyntheticIdentity identity, int width, RandomGenerator art, CardStyle style,
            boolean temporary) {
        BufferedImage card = blankCard(width);
        Graphics2D g = cardGraphics(card, art);
        greatWall(g);
        EmblemPainter.paint(g);
        Font bold = fonts.cjk().deriveFont(Font.BOLD);
        spaced(g, "中华人民共和国", bold.deriveFont(CardLayout.COUNTRY_SIZE), INK, CardLayout.COUNTRY_X,
                CardLayout.COUNTRY_Y, CardLayout.COUNTRY_ADVANCE);
        if (temporary) {
            spaced(g, "临时居民身份证", bold.deriveFont(CardLayout.TEMPORARY_TITLE_SIZE), INK, CardLayout.TITLE_X,
                    CardLayout.TITLE_Y, CardLayout.TEMPORARY_TITLE_ADVANCE);
        } else {
            spaced(g, "居民身份证", bold.deriveFont(CardLayout.TITLE_SIZE), INK, CardLayout.TITLE_X, CardLayout.TITLE_Y,
                    CardLayout.TITLE_ADVANCE);
        }
        Font label = fonts.cjk().deriveFont(CardLayout.LABEL_SIZE);
        Font value = fonts.cjk().deriveFont(CardLayout.BACK_VALUE_SIZE);
        spaced(g, "签发机关", label, INK, CardLayout.BACK_LABEL_X, CardLayout.AUTHORITY_Y,
                CardLayout.BACK_LABEL_ADVANCE);
        value(g, identity.authority(), value, CardLayout.BACK_VALUE_X + style.valueDx(), CardLayout.AUTHORITY_Y,
                style);
        spaced(g, "有效期限", label, INK, CardLayout.BACK_LABEL_X, CardLayout.VALIDITY_Y,
                CardLayout.BACK_LABEL_ADVANCE);
        value(g, identity.validPeriod(), value, CardLayout.BACK_VALUE_X + style.valueDx(), CardLayout.VALIDITY_Y,
                style);
        g.dispose();
        return card;
    }

    /** The address split into card lines by printed width, as the card printer does (no word breaks in Chinese). */
    static List<String> wrap(String address, FontMetrics metrics) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        address.codePoints().forEach(cp -> {
            String candidate = line + Character.toString(cp);
            if (metrics.stringWidth(candidate) > CardLayout.ADDRESS_MAX_WIDTH && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(cp);
        });
        lines.add(line.toString());
        if (lines.size() > CardLayout.ADDRESS_MAX_LINES) {
            throw new IllegalArgumentException("address must fit " + CardLayout.ADDRESS_MAX_LINES
                    + " card lines but needs " + lines.size() + " (" + address.length() + " characters)");
        }
        return lines;
    }

    private static BufferedImage blankCard(int width) {
        if (width < 100 || width > 4000) {
            throw new IllegalArgumentException("width must be in [100, 4000] px but was " + width);
        }
        int height = Math.round(width * (float) CardLayout.HEIGHT / CardLayout.WIDTH);
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    }

    /** Graphics in card coordinates, clipped to the rounded outline, with the security print and the edge painted. */
    private static Graphics2D cardGraphics(BufferedImage card, RandomGenerator art) {
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale((double) card.getWidth() / CardLayout.WIDTH, (double) card.getHeight() / CardLayout.HEIGHT);
        RoundRectangle2D outline = new RoundRectangle2D.Double(0, 0, CardLayout.WIDTH, CardLayout.HEIGHT,
                2 * CardLayout.CORNER_RADIUS, 2 * CardLayout.CORNER_RADIUS);
        g.setComposite(AlphaComposite.Src);
        g.setColor(Color.WHITE);
        g.fill(outline);
        g.setComposite(AlphaComposite.SrcAtop);
        SecurityPrint.paint(g, art);
        g.setColor(new Color(170, 176, 184));
        g.setStroke(new BasicStroke(3f));
        g.draw(outline);
        return g;
    }

    private static void greatWall(Graphics2D g) {
        Path2D.Double ridge = new Path2D.Double();
        ridge.moveTo(360, 470);
        double[][] points = {{420, 380}, {480, 400}, {540, 300}, {600, 330}, {660, 250}, {700, 270}, {760, 200},
            {820, 260}, {856, 240}, {856, 470}};
        for (double[] p : points) {
            ridge.lineTo(p[0], p[1]);
        }
        ridge.closePath();
        g.setColor(new Color(196, 204, 206, 70));
        g.fill(ridge);
        g.setColor(new Color(180, 188, 192, 90));
        g.fill(new Rectangle2D.Double(650, 215, 34, 55));
        g.fill(new Rectangle2D.Double(532, 290, 26, 40));
    }

    private static void spaced(Graphics2D g, String text, Font font, Color color, int x, int centreY, int advance) {
        int i = 0;
        for (int offset = 0; offset < text.length(); ) {
            int cp = text.codePointAt(offset);
            text(g, Character.toString(cp), font, color, x + i * advance, centreY);
            offset += Character.charCount(cp);
            i++;
        }
    }

    /** A value in ink: as the font sets it, or character by character at the style's pitch. */
    private static void value(Graphics2D g, String text, Font font, int x, int centreY, CardStyle style) {
        if (style.pitch() == 1) {
            text(g, text, font, INK, x, centreY);
            return;
        }
        FontMetrics metrics = g.getFontMetrics(font);
        double at = x;
        for (int offset = 0; offset < text.length(); ) {
            String character = Character.toString(text.codePointAt(offset));
            text(g, character, font, INK, (int) Math.round(at), centreY);
            at += metrics.stringWidth(character) * style.pitch();
            offset += character.length();
        }
    }

    private static void centred(Graphics2D g, String text, Font font, int centreX, int centreY) {
        int width = g.getFontMetrics(font).stringWidth(text);
        text(g, text, font, INK, centreX - width / 2, centreY);
    }

    /** Draws text whose ink is vertically centred on {@code centreY}, judged by a reference glyph of the font. */
    private static void text(Graphics2D g, String text, Font font, Color color, int x, int centreY) {
        g.setFont(font);
        g.setColor(color);
        FontRenderContext context = g.getFontRenderContext();
        String reference = font.canDisplay('中') ? "中" : "0";
        Rectangle2D ink = font.createGlyphVector(context, reference).getVisualBounds();
        g.drawString(text, (float) x, (float) (centreY - ink.getCenterY()));
    }
}
