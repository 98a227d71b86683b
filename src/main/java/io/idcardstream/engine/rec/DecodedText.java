package io.idcardstream.engine.rec;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The text read from one line crop, with where each character sits along the line.
 *
 * @param confidence mean of the emitted characters' probabilities, 0 when nothing was emitted
 * @param charCenters for each emitted symbol (one per {@link String#codePointAt code point} of {@code text}),
 *     the centre of its time steps as a fraction 0..1 of the crop's width
 * @param charConfidences each emitted symbol's probability
 * @param alternatives for each emitted symbol, the other symbols most probable at its peak, most probable first
 */
public record DecodedText(String text, float confidence, double[] charCenters, float[] charConfidences,
        List<List<Alternative>> alternatives) {

    public DecodedText {
        Objects.requireNonNull(text, "text");
        charCenters = charCenters.clone();
        charConfidences = charConfidences.clone();
        alternatives = alternatives.stream().map(List::copyOf).toList();
        int symbols = text.codePointCount(0, text.length());
        if (charCenters.length != symbols || charConfidences.length != symbols || alternatives.size() != symbols) {
            throw new IllegalArgumentException("one centre, confidence and list of alternatives per symbol: "
                    + symbols + " symbols but " + charCenters.length + " centres, " + charConfidences.length
                    + " confidences and " + alternatives.size() + " lists");
        }
    }

    /** A reading without alternatives (a backend that gives none). */
    public DecodedText(String text, float confidence, double[] charCenters, float[] charConfidences) {
        this(text, confidence, charCenters, charConfidences,
                Collections.nCopies(text.codePointCount(0, text.length()), List.of()));
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
                && Arrays.equals(charCenters, d.charCenters) && Arrays.equals(charConfidences, d.charConfidences)
                && alternatives.equals(d.alternatives);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, confidence, Arrays.hashCode(charCenters), Arrays.hashCode(charConfidences),
                alternatives);
    }

    /** Never prints the text: it is personal data. */
    @Override
    public String toString() {
        return "DecodedText[" + text.length() + " chars, confidence=" + confidence + "]";
    }
}
