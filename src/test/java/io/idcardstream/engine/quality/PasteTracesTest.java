package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.synthetic.Jpeg;
import io.idcardstream.engine.synthetic.Turns;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PasteTracesTest {
    private static final int WIDTH = 640, HEIGHT = 400;

    @Test
    void shouldFindALinePastedIntoAJpegThatWasSavedAgainFiner() throws IOException {
        // Given a printed page saved at quality 0.75, opened, one line of it pasted over and saved at 0.95
        BufferedImage opened = decode(encode(page(), 0.75f));
        pasteNumber(opened, 40, 300);
        // When its traces are measured
        PasteTraces.Measure traces = measure(encode(opened, 0.95f));
        // Then the paste stands out, and the strongest window lies on the pasted line
        assertThat(traces.pasted()).isTrue();
        assertThat(traces.strongest().topLeft().y()).isBetween(280.0, 340.0);
        assertThat(traces.strongest().bottomLeft().y()).isBetween(300.0, 360.0);
    }

    @Test
    void shouldFindTwoFieldsPastedIntoTheSameJpeg() throws IOException {
        // Given the page with two lines pasted over: the other is no background for the one
        BufferedImage opened = decode(encode(page(), 0.75f));
        pasteNumber(opened, 40, 300);
        pasteNumber(opened, 40, 75);
        // Then the paste still stands out
        assertThat(measure(encode(opened, 0.95f)).pasted()).isTrue();
    }

    @Test
    void shouldFindALinePastedIntoAPageStoredSideways() throws IOException {
        // Given the page stored turned a quarter (a phone's portrait shot), a line pasted in, saved again finer
        BufferedImage opened = decode(encode(Turns.clockwise(page()), 0.75f));
        BufferedImage upright = Turns.anticlockwise(opened);
        pasteNumber(upright, 40, 300);
        // Then the standing paste stands out as a lying one does
        assertThat(measure(encode(Turns.clockwise(upright), 0.95f)).pasted()).isTrue();
    }

    @Test
    void shouldVouchForAJpegSavedTwiceWithNothingPasted() throws IOException {
        // Given the same page saved at 0.75, opened and saved at 0.95 unchanged
        PasteTraces.Measure traces = measure(encode(decode(encode(page(), 0.75f)), 0.95f));
        // Then the first compression shows everywhere (a paste would stand out), and nothing does
        assertThat(traces.historySeen()).isTrue();
        assertThat(traces.pasted()).isFalse();
    }

    @Test
    void shouldNotVouchForAnImageTooNarrowForAWindow() throws IOException {
        // Given a 120-pixel-wide strip of the page saved twice
        BufferedImage strip = decode(encode(page(), 0.75f)).getSubimage(0, 0, 120, HEIGHT);
        // Then no window could be scored, so nothing is vouched for
        assertThat(measure(encode(strip, 0.95f)).historySeen()).isFalse();
    }

    @Test
    void shouldNotVouchForAJpegCompressedOnceOrForAPng() throws IOException {
        // Given the page compressed once, and as a PNG
        PasteTraces.Measure once = measure(encode(page(), 0.9f));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page(), "png", png);
        // Then neither shows a history a paste would stand out against, and neither is taken for pasted
        assertThat(once.historySeen()).isFalse();
        assertThat(once.pasted()).isFalse();
        assertThat(measure(png.toByteArray())).isEqualTo(PasteTraces.Measure.NOTHING);
    }

    @Test
    void shouldNotVouchForAJpegSavedAgainCoarser() throws IOException {
        // Given the page saved at 0.95 then again at 0.8: the second quantisation hides the first
        PasteTraces.Measure traces = measure(encode(decode(encode(page(), 0.95f)), 0.8f));
        // Then no history is seen
        assertThat(traces.historySeen()).isFalse();
    }


    /** Measured over the whole image, as read without any EXIF turn. */
    private static PasteTraces.Measure measure(byte[] image) throws IOException {
        return PasteTraces.measure(image, null, ImageIO.read(new ByteArrayInputStream(image)).getWidth());
    }

    /** A number set over a flat patch of the page's colour, as a forger pastes a field. */
    private static void pasteNumber(BufferedImage image, int x, int top) {
        Graphics2D g = text(image);
        g.setColor(new Color(236, 232, 222));
        g.fillRect(x, top, 520, 40);
        g.setColor(new Color(20, 20, 20));
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 30));
        g.drawString("110105199003072316", x + 8, top + 30);
        g.dispose();
    }

    /** A light, textured page with dark lines of text: what a card's print gives the DCT. */
    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int v = 215 + (int) (12 * Math.sin(x / 7.0) * Math.cos(y / 11.0)) + random.nextInt(-6, 7);
                image.setRGB(x, y, new Color(v + 8, v + 4, v - 6).getRGB());
            }
        }
        Graphics2D g = text(image);
        g.setColor(new Color(25, 25, 30));
        for (int line = 0; line < 8; line++) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            g.drawString("Line " + line + " 0123456789 ABCDEFGHIJ", 40, 40 + line * 45);
        }
        g.dispose();
        return image;
    }

    private static Graphics2D text(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] encode(BufferedImage image, float quality) {
        return Jpeg.encode(image, quality);
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(decoded, 0, 0, null);
        return rgb;
    }
}
