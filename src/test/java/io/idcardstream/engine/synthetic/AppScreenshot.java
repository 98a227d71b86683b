package io.idcardstream.engine.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A screenshot of a card-generator desktop app (idcards-dev2 both_01): window chrome with the title and a menu, a
 * form on the left repeating every value with its label (other text the engine must not take for the card's), and
 * the two printed sides on the right, the back above the front or side by side.
 */
final class AppScreenshot {

    private static final Color CHROME = new Color(245, 246, 248);
    private static final Color LABEL_GREY = new Color(96, 98, 102);
    private static final Color BORDER = new Color(220, 223, 230);
    private static final Color BUTTON_BLUE = new Color(64, 158, 255);
    private static final Map<Integer, String> SPANS = Map.of(5, "五年期", 10, "十年期", 20, "二十年期");

    private AppScreenshot() {
    }

    static BufferedImage render(CardPrinter cards, boolean sideBySide) {
        int cardWidth = sideBySide ? 560 : 588;
        int width = sideBySide ? 1620 : 1286;
        int height = sideBySide ? 640 : 971;
        BufferedImage shot = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = shot.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font ui = cards.fonts().cjk().deriveFont(14f);
        chrome(g, ui, width, height);
        form(g, ui, cards.identity());

        g.setColor(Color.WHITE);
        g.fillRect(400, 70, width - 445, height - 70);
        g.setColor(LABEL_GREY);
        g.setFont(ui.deriveFont(15f));
        if (sideBySide) {
            g.drawString("国徽面", 420, 110);
            g.drawImage(cards.back(cardWidth), 420, 124, null);
            g.drawString("人像面", 420 + cardWidth + 30, 110);
            g.drawImage(cards.front(cardWidth), 420 + cardWidth + 30, 124, null);
        } else {
            g.drawString("国徽面", 420, 124);
            g.drawImage(cards.back(cardWidth), 420, 146, null);
            g.drawString("人像面", 420, 556);
            g.drawImage(cards.front(cardWidth), 420, 578, null);
        }
        g.dispose();
        return shot;
    }

    private static void chrome(Graphics2D g, Font ui, int width, int height) {
        g.setColor(CHROME);
        g.fillRect(0, 0, width, 52);
        g.setColor(new Color(40, 44, 52));
        g.fillOval(8, 8, 16, 16);
        g.setFont(ui.deriveFont(13f));
        g.drawString("myutils-app", 32, 21);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(width - 134, 16, width - 122, 16);
        g.drawRect(width - 88, 10, 11, 11);
        g.drawLine(width - 42, 10, width - 31, 21);
        g.drawLine(width - 42, 21, width - 31, 10);
        int x = 8;
        for (String menu : List.of("File", "Edit", "View", "Window", "Help")) {
            g.drawString(menu, x, 46);
            x += g.getFontMetrics().stringWidth(menu) + 14;
        }
        g.setColor(BORDER);
        g.drawLine(0, 52, width, 52);
        g.setColor(new Color(193, 193, 193));
        g.fillRect(width - 14, 120, 8, height - 160);
    }

    /** The app's form: each label with the value in an input box, as the user typed it (dates ISO). */
    private static void form(Graphics2D g, Font ui, SyntheticIdentity identity) {
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 53, 400, 2000);
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(28, 70, 354, 510, 6, 6));
        var validity = identity.validity();
        String type = validity.longTerm() ? "长期"
                : SPANS.getOrDefault(validity.until().getYear() - validity.from().getYear(), "");
        List<String[]> rows = List.of(
                new String[] {"姓名:", identity.name()},
                new String[] {"民族:", identity.nation()},
                new String[] {"身份证号:", identity.idNumber()},
                new String[] {"性别:", identity.sex().printed()},
                new String[] {"住址:", identity.address()},
                new String[] {"签发机关:", identity.authority()},
                new String[] {"有效期起期:", validity.from().format(DateTimeFormatter.ISO_LOCAL_DATE)},
                new String[] {"有效期类型:", type},
                new String[] {"有效期止期:", validity.longTerm() ? ""
                        : validity.until().format(DateTimeFormatter.ISO_LOCAL_DATE)});
        int y = 92;
        for (String[] row : rows) {
            g.setFont(ui);
            g.setColor(LABEL_GREY);
            g.drawString(row[0], 48, y + 17);
            g.setColor(BORDER);
            g.draw(new RoundRectangle2D.Double(136, y, 216, 28, 4, 4));
            g.setColor(new Color(48, 49, 51));
            g.setFont(ui.deriveFont(13f));
            // An input box shows what fits; a long address is cut at the box's edge, as in the real app.
            var clip = g.getClip();
            g.clipRect(146, y, 200, 28);
            g.drawString(row[1], 150, y + 19);
            g.setClip(clip);
            y += 46;
        }
        g.setColor(BUTTON_BLUE);
        g.fill(new RoundRectangle2D.Double(48, y + 6, 92, 28, 4, 4));
        g.fill(new RoundRectangle2D.Double(151, y + 6, 92, 28, 4, 4));
        g.setColor(Color.WHITE);
        g.setFont(ui.deriveFont(Font.BOLD, 13f));
        g.drawString("生成", 80, y + 25);
        g.drawString("初始化", 176, y + 25);
    }
}
