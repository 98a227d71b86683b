package io.idcardstream.engine.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of text found in an image, by any OCR backend (the PP-OCR pipeline, or Tesseract in the
 * benchmark): what it says, how sure the reader is (0..1), and where it is.
 *
 * @param corners the quadrilateral in image pixels as {@code x0,y0,x1,y1,x2,y2,x3,y3}, clockwise from
 *     top-left (tl, tr, br, bl) in reading orientation
 */
public record TextLine(String text, float confidence, double[] corners) {
    public TextLine {
        Objects.requireNonNull(text, "text");
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
        }
        if (corners == null || corners.length != 8) {
            throw new IllegalArgumentException("corners must hold 8 numbers (4 points) but was "
                    + (corners == null ? "null" : corners.length));
        }
        corners = corners.clone();
    }

    @Override
    public double[] corners() {
        return corners.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextLine other && text.equals(other.text) && confidence == other.confidence
                && Arrays.equals(corners, other.corners);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, confidence, Arrays.hashCode(corners));
    }

    /** Never prints the text: it is personal data. */
    @Override
    public String toString() {
        return "TextLine[" + text.length() + " chars, confidence=" + confidence + "]";
    }
}
