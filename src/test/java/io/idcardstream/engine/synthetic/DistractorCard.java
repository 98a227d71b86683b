package io.idcardstream.engine.synthetic;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.random.RandomGenerator;

/** Another card-sized object lying near the ID card: a bank card with a bank name and a 16-digit number. */
final class DistractorCard {

    private static final List<String> BANKS = List.of("中国银行", "中国建设银行", "招商银行", "交通银行");
    private static final Color[][] COLOURS = {
        {new Color(20, 60, 130), new Color(60, 120, 190)},
        {new Color(140, 20, 30), new Color(200, 70, 60)},
        {new Color(30, 100, 70), new Color(90, 160, 120)}};

    private DistractorCard() {
    }

    static BufferedImage render(CardFonts fonts, int width, RandomGenerator random) {
        int height = Math.round(width * (float) CardLayout.HEIGHT / CardLayout.WIDTH);
        BufferedImage card = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale((double) width / CardLayout.WIDTH, (double) height / CardLayout.HEIGHT);
        Color[] colours = COLOURS[random.nextInt(COLOURS.length)];
        g.setPaint(new GradientPaint(0, 0, colours[0], CardLayout.WIDTH, CardLayout.HEIGHT, colours[1]));
        g.fill(new RoundRectangle2D.Double(0, 0, CardLayout.WIDTH, CardLayout.HEIGHT, 60, 60));
        g.setColor(new Color(222, 190, 110));
        g.fill(new RoundRectangle2D.Double(90, 190, 110, 84, 14, 14));
        g.setColor(Color.WHITE);
        g.setFont(fonts.cjk().deriveFont(Font.BOLD, 46f));
        g.drawString(BANKS.get(random.nextInt(BANKS.size())), 70, 110);
        StringBuilder number = new StringBuilder("6222");
        for (int group = 0; group < 3; group++) {
            number.append(' ');
            for (int i = 0; i < 4; i++) {
                number.append(random.nextInt(10));
            }
        }
        g.setFont(fonts.mono().deriveFont(Font.BOLD, 52f));
        g.drawString(number.toString(), 70, 370);
        g.setFont(fonts.mono().deriveFont(28f));
        g.drawString("VALID THRU " + String.format("%02d/%02d", 1 + random.nextInt(12), 26 + random.nextInt(8)),
                70, 440);
        g.dispose();
        return card;
    }
}
