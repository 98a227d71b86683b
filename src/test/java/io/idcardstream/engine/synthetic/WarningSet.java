package io.idcardstream.engine.synthetic;

import io.idcardstream.engine.synthetic.SyntheticCardGenerator.Shot;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The labelled set of issue 12: generated cards, each shown clean and under every condition an IDCardOCR warning is
 * about, with the warning codes each image must raise. A card is scanned flat on a light scanner bed (a margin all
 * round, so the whole card is in the image) and then transformed:
 *
 * <ul>
 *   <li>{@code clean}: as scanned; {@code blur1}, {@code blur2}: box blur of radius 1 and 2 (still clean: soft is
 *       not fraud, and must raise nothing);
 *   <li>{@code grey_copy}: a black-and-white photocopy (grey, toner speckle, slight contrast boost) → -9102, -9108;
 *   <li>{@code colour_copy}: a colour photocopy (saturation halved, colours posterised, toner speckle, paper white)
 *       → -9102;
 *   <li>{@code reshoot}: the scan shown on a screen and photographed (a pixel grid, moiré bands, a dark bezel round
 *       the screen) → -9103;
 *   <li>{@code border_cut}: a black bar over a fifth of the card's height at its bottom edge → -9101;
 *   <li>{@code finger}: a skin-coloured finger over the card's top edge, reaching a sixth into the card → -9105;
 *   <li>{@code glare}: a bright, saturated reflection spot on the card → -9107;
 *   <li>{@code resaved}: the scan as a JPEG (quality 0.70–0.92, a phone's or a scanner's), opened and saved again
 *       (0.80–0.98) with nothing changed: must raise nothing;
 *   <li>{@code edited}: as {@code resaved}, but in between one field is pasted in, as a forger edits the file he
 *       has: its print covered by a flat patch of the card's colour and the same text set again in another size
 *       ({@link FieldPaste}: the ID number on a front, the validity or the authority on a back) → -9106. Where the
 *       second save is no finer than the first, the paste leaves no trace and -9106 must be reported not checked;
 *   <li>{@code watermark}: a use restriction written over the card (仅限办理业务使用 …), repeated diagonally in
 *       light grey on half the cards, once in the top-left corner in mid-grey on the others → -9111 (asked with
 *       {@code CardWarnType=Advanced});
 *   <li>{@code temporary_id} (backs only): the same card printed as a temporary resident identity card, titled
 *       临时居民身份证, scanned the same way → -9104. A temporary card's front looks like a resident card's; only
 *       its back says what it is;
 *   <li>{@code electronic_id}: the card as a phone app shows it, screenshotted ({@link ElectronicIdScreen}: the
 *       app's title naming the card, the card, a QR code) → -9110 (asked with {@code CardWarnType=Advanced}).
 * </ul>
 *
 * Cards with an even index form the tuning part, odd ones the held-apart part: thresholds are chosen on the first,
 * precision and recall reported on the second. Everything depends only on the seed.
 */
public final class WarningSet {
    static final int MARGIN = 48;
    static final int BED_GREY = 238;

    /** One labelled image. */
    public record Labelled(String file, String condition, String side, boolean tuning, Set<Integer> expected,
            byte[] jpeg) {}

    /** The transforms, in the order listed above, each with the codes it must raise. */
    public enum Condition {
        CLEAN(Set.of()), BLUR1(Set.of()), BLUR2(Set.of()), GREY_COPY(Set.of(-9102, -9108)),
        COLOUR_COPY(Set.of(-9102)), RESHOOT(Set.of(-9103)), BORDER_CUT(Set.of(-9101)), FINGER(Set.of(-9105)),
        GLARE(Set.of(-9107)), RESAVED(Set.of()), EDITED(Set.of(-9106)), WATERMARK(Set.of(-9111)),
        TEMPORARY_ID(Set.of(-9104)), ELECTRONIC_ID(Set.of(-9110));

        final Set<Integer> expected;

        Condition(Set<Integer> expected) {
            this.expected = expected;
        }
    }

    private WarningSet() {}

    /** {@code cards} generated cards (fronts and backs alternating), each under every condition. */
    public static List<Labelled> generate(int cards, long seed) {
        CardFonts fonts = CardFonts.load();
        List<Shot> plan = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            plan.add(new Shot(Variant.CLEAN, i % 4 < 2 ? Sides.FRONT : Sides.BACK));
        }
        List<SyntheticImage> scans = SyntheticCardGenerator.generate(plan, fonts, seed);
        CardRenderer renderer = new CardRenderer(fonts);
        List<Labelled> set = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            SyntheticImage scan = scans.get(i);
            BufferedImage bed = onScannerBed(scan.capture().image());
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
            String side = scan.sides().name().toLowerCase(Locale.ROOT);
            for (Condition condition : Condition.values()) {
                if (condition == Condition.TEMPORARY_ID && scan.sides() != Sides.BACK) {
                    continue;
                }
                byte[] jpeg = switch (condition) {
                    case TEMPORARY_ID -> Jpeg.encode(onScannerBed(renderer.temporaryBack(scan.identity(),
                            scan.capture().image().getWidth(), random.split())), 0.9f);
                    case RESAVED, EDITED -> resaved(bed, condition == Condition.EDITED ? scan : null, fonts,
                            random.split());
                    case WATERMARK -> Jpeg.encode(onScannerBed(watermarked(scan.capture().image(), fonts,
                            random.split())), 0.9f);
                    case ELECTRONIC_ID -> Jpeg.encode(ElectronicIdScreen.of(scan.capture().image(), fonts,
                            random.split()), 0.9f);
                    default -> Jpeg.encode(apply(condition, bed, random.split()),
                            condition == Condition.RESHOOT ? 0.8f : 0.9f);
                };
                String file = String.format("%03d_%s_%s.jpg", i + 1, side, condition.name().toLowerCase(Locale.ROOT));
                set.add(new Labelled(file, condition.name().toLowerCase(Locale.ROOT), side, i % 2 == 0,
                        condition.expected, jpeg));
            }
        }
        return set;
    }

    /**
     * The scanned bed saved as a JPEG, opened again and saved again; with {@code pasteOn}, that card's field pasted
     * in between, where the card lies in the bed (on a third of the cards two fields: the ID number and the name, or
     * the validity and the authority). A third of the files are stored as a phone stores a portrait shot: turned a
     * quarter anticlockwise with EXIF orientation 6, which the editor keeps.
     */
    static byte[] resaved(BufferedImage bed, SyntheticImage pasteOn, CardFonts fonts, SplittableRandom random) {
        float first = (float) random.nextDouble(0.70, 0.92), second = (float) random.nextDouble(0.80, 0.98);
        boolean sideways = random.nextInt(3) == 0, twoFields = random.nextInt(3) == 0;
        BufferedImage opened = copy(Jpeg.decode(stored(bed, first, sideways)));
        BufferedImage upright = sideways ? Turns.clockwise(opened) : opened;
        if (pasteOn != null) {
            BufferedImage card = upright.getSubimage(MARGIN, MARGIN, upright.getWidth() - 2 * MARGIN,
                    upright.getHeight() - 2 * MARGIN);
            boolean front = pasteOn.sides() == Sides.FRONT;
            BufferedImage edited = twoFields
                    ? FieldPaste.paste(FieldPaste.paste(card, pasteOn.identity(),
                            front ? FieldPaste.Field.ID_NUMBER : FieldPaste.Field.VALIDITY, fonts, random),
                            pasteOn.identity(), front ? FieldPaste.Field.NAME : FieldPaste.Field.AUTHORITY, fonts,
                            random)
                    : FieldPaste.paste(card, pasteOn.identity(), front, fonts, random);
            Graphics2D g = upright.createGraphics();
            g.drawImage(edited, MARGIN, MARGIN, null);
            g.dispose();
        }
        return stored(upright, second, sideways);
    }

    /** The upright image as a JPEG: as it is, or turned anticlockwise with EXIF saying to turn it back. */
    private static byte[] stored(BufferedImage upright, float quality, boolean sideways) {
        return sideways ? Jpeg.withOrientation(Jpeg.encode(Turns.anticlockwise(upright), quality), 6)
                : Jpeg.encode(upright, quality);
    }

    static BufferedImage onScannerBed(BufferedImage card) {
        BufferedImage bed = new BufferedImage(card.getWidth() + 2 * MARGIN, card.getHeight() + 2 * MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bed.createGraphics();
        g.setColor(new Color(BED_GREY, BED_GREY, BED_GREY));
        g.fillRect(0, 0, bed.getWidth(), bed.getHeight());
        g.drawImage(card, MARGIN, MARGIN, null);
        g.dispose();
        return bed;
    }

    static BufferedImage apply(Condition condition, BufferedImage bed, SplittableRandom random) {
        int cardW = bed.getWidth() - 2 * MARGIN, cardH = bed.getHeight() - 2 * MARGIN;
        return switch (condition) {
            case CLEAN -> copy(bed);
            case BLUR1 -> Distortions.boxBlur(1).apply(bed, random);
            case BLUR2 -> Distortions.boxBlur(2).apply(bed, random);
            case GREY_COPY -> copier(bed, random, 0.0, 255);
            case COLOUR_COPY -> copier(bed, random, random.nextDouble(0.45, 0.65), 6);
            case RESHOOT -> screen(bed, random);
            case BORDER_CUT -> {
                BufferedImage image = copy(bed);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(12, 12, 12));
                int top = MARGIN + cardH - (int) (cardH * random.nextDouble(0.14, 0.22));
                g.fillRect(0, top, image.getWidth(), image.getHeight() - top);
                g.dispose();
                yield image;
            }
            case FINGER -> {
                BufferedImage image = copy(bed);
                Graphics2D g = antialiased(image);
                double width = cardW * random.nextDouble(0.09, 0.13);
                double x = MARGIN + cardW * random.nextDouble(0.25, 0.7);
                double reach = cardH * random.nextDouble(0.14, 0.22);
                Color skin = new Color(random.nextInt(205, 235), random.nextInt(150, 180), random.nextInt(120, 150));
                g.setPaint(skin);
                g.fill(new RoundRectangle2D.Double(x, -width, width, MARGIN + reach + width, width, width));
                g.setColor(skin.darker());
                g.setStroke(new BasicStroke(2f));
                g.draw(new RoundRectangle2D.Double(x, -width, width, MARGIN + reach + width, width, width));
                g.dispose();
                yield image;
            }
            case TEMPORARY_ID, RESAVED, EDITED, WATERMARK, ELECTRONIC_ID -> throw new IllegalArgumentException(condition + " is printed, not transformed");
            case GLARE -> {
                BufferedImage image = copy(bed);
                Graphics2D g = antialiased(image);
                float radius = (float) (cardH * random.nextDouble(0.16, 0.26));
                float cx = (float) (MARGIN + cardW * random.nextDouble(0.2, 0.8));
                float cy = (float) (MARGIN + cardH * random.nextDouble(0.25, 0.75));
                g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), radius, new float[] {0f, 0.55f, 1f},
                        new Color[] {new Color(255, 255, 255, 255), new Color(255, 255, 250, 235),
                            new Color(255, 255, 255, 0)}));
                g.fill(new Ellipse2D.Float(cx - radius, cy - radius, 2 * radius, 2 * radius));
                g.dispose();
                yield image;
            }
        };
    }

    static BufferedImage watermarked(BufferedImage card, CardFonts fonts, SplittableRandom random) {
        BufferedImage out = new BufferedImage(card.getWidth(), card.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(card, 0, 0, null); // keeps the card's transparent corners, which the bed shows through
        g.dispose();
        String line = Watermarks.LINES.get(random.nextInt(Watermarks.LINES.size() - 1)); // not 样本: a specimen mark
        if (random.nextBoolean()) {
            Watermarks.diagonal(out, fonts.cjk(), line, random);
        } else {
            Watermarks.topLeft(out, fonts.cjk(), line, random.nextInt(90, 140));
        }
        return out;
    }

    /**
     * A copier: the page's colour scaled by {@code saturation} (0 = grey), tones posterised to {@code levels}
     * per channel (toner), white paper whiter, toner speckle.
     */
    static BufferedImage copier(BufferedImage bed, SplittableRandom random, double saturation, int levels) {
        BufferedImage out = copy(bed);
        double step = 255.0 / Math.max(1, levels - 1);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int v = out.getRGB(x, y);
                int r = (v >> 16) & 0xFF, gr = (v >> 8) & 0xFF, b = v & 0xFF;
                double luma = 0.299 * r + 0.587 * gr + 0.114 * b;
                double[] c = {luma + saturation * (r - luma), luma + saturation * (gr - luma),
                    luma + saturation * (b - luma)};
                int[] o = new int[3];
                for (int k = 0; k < 3; k++) {
                    double t = (c[k] - 128) * 1.15 + 140;
                    if (levels < 255) {
                        t = Math.round(t / step) * step;
                    }
                    if (random.nextDouble() < 0.004) {
                        t = random.nextInt(30, 90);
                    }
                    o[k] = (int) Math.max(0, Math.min(255, t + random.nextDouble(-6, 6)));
                }
                if (saturation == 0) {
                    o[1] = o[0];
                    o[2] = o[0];
                }
                out.setRGB(x, y, o[0] << 16 | o[1] << 8 | o[2]);
            }
        }
        return out;
    }

    /**
     * The scan on a screen, photographed: the picture enlarged onto an RGB sub-pixel grid (each pixel's channels side
     * by side, dark gaps between rows), a slow moiré band across it, and a near-black bezel round the screen.
     */
    static BufferedImage screen(BufferedImage bed, SplittableRandom random) {
        int bezel = (int) (bed.getWidth() * random.nextDouble(0.07, 0.11));
        BufferedImage out = new BufferedImage(bed.getWidth() + 2 * bezel, bed.getHeight() + 2 * bezel,
                BufferedImage.TYPE_INT_RGB);
        double period = random.nextDouble(9, 17), angle = random.nextDouble(0, Math.PI);
        int base = random.nextInt(8, 22);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int sx = x - bezel, sy = y - bezel;
                if (sx < 0 || sy < 0 || sx >= bed.getWidth() || sy >= bed.getHeight()) {
                    out.setRGB(x, y, base << 16 | base << 8 | base);
                    continue;
                }
                int v = bed.getRGB(sx, sy);
                double moire = 1 - 0.12 * (0.5 + 0.5 * Math.sin((x * Math.cos(angle) + y * Math.sin(angle))
                        * 2 * Math.PI / period));
                double row = sy % 3 == 2 ? 0.78 : 1.0;
                int[] c = {(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF};
                int lit = sx % 3;
                int[] o = new int[3];
                for (int k = 0; k < 3; k++) {
                    double gain = k == lit ? 1.0 : 0.82;
                    o[k] = (int) Math.max(0, Math.min(255, c[k] * gain * row * moire * 0.92 + 6));
                }
                out.setRGB(x, y, o[0] << 16 | o[1] << 8 | o[2]);
            }
        }
        return out;
    }

    private static Graphics2D antialiased(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setComposite(AlphaComposite.SrcOver);
        return g;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
