package io.idcardstream.engine.rec;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text read from one line crop, with where each character sits along the line.
 *
 * @param confidence mean of the emitted characters' probabilities, 0 when nothing was emitted
 * @param charCenters for each emitted symbol (one per {@link String#codePointAt code point} of {@code text}),
 *     the centre of its time steps as a fraction 0..1 of the crop's width
 * @param charConfidences each emitted symbol's probability
 */
public record DecodedText(String text, float confidence, double[] charCenters, float[] charConfidences) {

    public DecodedText {
        Objects.requireNonNull(text, "text");
        charCenters = charCenters.clone();
        charConfidences = charConfidences.clone();
        int symbols = text.codePointCount(0, text.length());
        if (charCenters.length != symbols || charConfidences.length != symbols) {
            throw new IllegalArgumentException("one centre and confidence per symbol: " + symbols + " symbols but "
                    + charCenters.length + " centres and " + charConfidences.length + " confidences");
        }
    }

    public static final DecodedText EMPTY = new DecodedText("", 0f, new double[0], new float[0]);

    @Override
    public double[] charCenters() {
        return charCenters.clone();
    }

    @Override
    public float[] charConfidences() {
        return charConfidences.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedText d && text.equals(d.text) && confidence == d.confidence
                && Arrays.equals(charCenters, d.charCenters) && Arrays.equals(charConfidences, d.charConfidences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, confidence, Arrays.hashCode(charCenters), Arrays.hashCode(charConfidences));
    }

    /** Never prints the text: it is personal data. */
    @Override
    public String toString() {
        return "DecodedText[" + text.length() + " chars, confidence=" + confidence + "]";
    }
}
