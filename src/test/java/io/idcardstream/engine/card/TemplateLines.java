package io.idcardstream.engine.card;

import io.idcardstream.engine.geom.Homography;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.engine.text.TextLine;

/**
 * Text lines for tests, laid out on the {@link CardTemplate} and photographed through a chosen homography: each
 * character's centre lands at {@code firstX + i × pitch} on the template (as a backend without character
 * positions would place it, evenly along the box).
 */
public final class TemplateLines {
    private final Homography templateToImage;

    public TemplateLines(Homography templateToImage) {
        this.templateToImage = templateToImage;
    }

    /** A card turned 90° clockwise, at 0.6 pixel per template unit, with some keystone. */
    public static TemplateLines turnedAndKeystoned() {
        Quad card = CardTemplate.CARD;
        Quad photo = new Quad(new Point(700, 60), new Point(720, 590), new Point(380, 610), new Point(390, 45));
        return new TemplateLines(Homography.quadToQuad(card, photo));
    }

    public TextLine line(String text, double firstX, double pitch, double y, float confidence) {
        int n = text.codePointCount(0, text.length());
        double left = firstX - pitch / 2, right = firstX + (n - 0.5) * pitch;
        Quad box = Quad.rectangle(left, y - 16, right, y + 16).map(templateToImage);
        return new TextLine(text, confidence, box.toArray());
    }

    public TextLine line(String text, double firstX, double pitch, double y) {
        return line(text, firstX, pitch, y, 0.98f);
    }

    public Point toImage(Point template) {
        return templateToImage.apply(template);
    }
}
