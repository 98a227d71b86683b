package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An electronic ID card as a phone shows it, screenshotted: the status bar, the app's title naming the card
 * (电子身份证, 居民身份证电子证照 …), the card drawn flat and sharp, a QR code that refreshes, and the app's note under
 * it. IDCardOCR answers -9110 for it with {@code CardWarnType=Advanced}: the holder sends a picture of a screen, not
 * of the card. Portrait, 720 px wide, the card 600–660 px wide.
 */
final class ElectronicIdScreen {
    /** What the apps call the card on that screen; the held-apart cards draw from the same list. */
    static final List<String> TITLES = List.of("电子身份证", "居民身份证电子证照", "身份证电子证照", "我的电子身份证",
            "居民身份证网上功能凭证");
    private static final List<String> NOTES = List.of("二维码每60秒自动刷新", "本证照仅限本人使用", "请向工作人员出示此页面",
            "点击刷新二维码");
    private static final int WIDTH = 720;

    private ElectronicIdScreen() {}

    static BufferedImage of(BufferedImage card, CardFonts fonts, SplittableRandom random) {
        int cardWidth = random.nextInt(600, 661);
        int cardHeight = cardWidth * card.getHeight() / card.getWidth();
        int qr = random.nextInt(220, 281);
        int height = 300 + cardHeight + qr + 160;
        BufferedImage screen = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = screen.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        int shade = random.nextInt(238, 250);
        g.setColor(new Color(shade, shade, Math.min(255, shade + 4)));
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(new Color(30, 30, 30));
        g.setFont(fonts.mono().deriveFont(Font.BOLD, 26f));
        g.drawString(String.format("%d:%02d", random.nextInt(7, 23), random.nextInt(60)), 36, 42);
        g.fillRoundRect(WIDTH - 90, 22, 46, 22, 6, 6); // the battery
        g.setFont(fonts.cjk().deriveFont(Font.BOLD, 36f));
        centred(g, TITLES.get(random.nextInt(TITLES.size())), 150);
        int top = 220;
        g.drawImage(card, (WIDTH - cardWidth) / 2, top, cardWidth, cardHeight, null);
        qrCode(g, (WIDTH - qr) / 2, top + cardHeight + 50, qr, random);
        g.setColor(new Color(110, 110, 110));
        g.setFont(fonts.cjk().deriveFont(24f));
        centred(g, NOTES.get(random.nextInt(NOTES.size())), top + cardHeight + 50 + qr + 60);
        g.dispose();
        return screen;
    }

    private static void centred(Graphics2D g, String text, int baseline) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (WIDTH - metrics.stringWidth(text)) / 2, baseline);
    }

    /** 29 × 29 modules with the three finder squares, the rest at random: what a QR code looks like to a reader. */
    private static void qrCode(Graphics2D g, int x, int y, int size, SplittableRandom random) {
        int modules = 29;
        double module = size / (double) modules;
        g.setColor(Color.WHITE);
        g.fillRect(x - 12, y - 12, size + 24, size + 24);
        g.setColor(Color.BLACK);
        for (int row = 0; row < modules; row++) {
            for (int column = 0; column < modules; column++) {
                boolean finder = finder(row, column, modules);
                if (finder ? finderDark(row, column, modules) : random.nextBoolean()) {
                    g.fillRect((int) (x + column * module), (int) (y + row * module), (int) Math.ceil(module),
                            (int) Math.ceil(module));
                }
            }
        }
    }

    private static boolean finder(int row, int column, int modules) {
        return (row < 8 && column < 8) || (row < 8 && column >= modules - 8) || (row >= modules - 8 && column < 8);
    }

    private static boolean finderDark(int row, int column, int modules) {
        int r = row >= modules - 8 ? row - (modules - 7) : row, c = column >= modules - 8 ? column - (modules - 7)
                : column;
        if (r < 0 || c < 0 || r > 6 || c > 6) {
            return false; // the white separator round a finder
        }
        int ring = Math.min(Math.min(r, c), Math.min(6 - r, 6 - c));
        return ring != 1;
    }
}
