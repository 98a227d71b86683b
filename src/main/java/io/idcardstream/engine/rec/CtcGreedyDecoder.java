package io.idcardstream.engine.rec;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy (best-path) CTC decoding: take the most probable class at every time step, merge runs of the same class
 * into one symbol, and drop the blank (class 0). A blank between two equal classes separates them ("l-l" is
 * "ll"), while adjacent equal classes are one symbol ("ll" is "l").
 */
public final class CtcGreedyDecoder {
    private CtcGreedyDecoder() {}

    /**
     * @param probabilities row-major [steps, classes] class probabilities of one line (the model's softmax output)
     */
    public static DecodedText decode(float[] probabilities, int steps, int classes, CharacterDictionary dictionary) {
        if (probabilities.length < steps * classes) {
            throw new IllegalArgumentException("probabilities must hold steps*classes = " + steps * classes
                    + " values but held " + probabilities.length);
        }
        if (classes != dictionary.size()) {
            throw new IllegalArgumentException("the model has " + classes + " classes but the dictionary "
                    + dictionary.size());
        }
        StringBuilder text = new StringBuilder();
        List<double[]> spans = new ArrayList<>();
        List<Float> confidences = new ArrayList<>();
        List<int[]> peaks = new ArrayList<>(); // per symbol: its class and the step where it was most probable
        int previous = 0;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float bestP = probabilities[t * classes];
            for (int c = 1; c < classes; c++) {
                float p = probabilities[t * classes + c];
                if (p > bestP) {
                    bestP = p;
                    best = c;
                }
            }
            if (best != 0 && best == previous) {
                // The same symbol continues: extend its span, keep its best probability.
                double[] span = spans.get(spans.size() - 1);
                span[1] = t;
                int last = confidences.size() - 1;
                if (bestP > confidences.get(last)) {
                    confidences.set(last, bestP);
                    peaks.get(last)[1] = t;
                }
            } else if (best != 0) {
                text.append(dictionary.symbol(best));
                spans.add(new double[] {t, t});
                confidences.add(bestP);
                peaks.add(new int[] {best, t});
            }
            previous = best;
        }
        int n = spans.size();
        double[] centers = new double[n];
        float[] charConfidences = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            centers[i] = (spans.get(i)[0] + spans.get(i)[1] + 1) / 2 / steps;
            charConfidences[i] = confidences.get(i);
            sum += charConfidences[i];
        }
        List<List<Alternative>> alternatives = new ArrayList<>(n);
        for (int[] peak : peaks) {
            alternatives.add(alternatives(probabilities, peak[1] * classes, classes, peak[0], dictionary));
        }
        return new DecodedText(text.toString(), n == 0 ? 0f : (float) (sum / n), centers, charConfidences,
                alternatives);
    }

    /** How many other symbols are kept per character. */
    static final int ALTERNATIVES = 3;

    /** The {@link #ALTERNATIVES} most probable symbols at one step other than the blank and {@code chosen}. */
    private static List<Alternative> alternatives(float[] probabilities, int offset, int classes, int chosen,
            CharacterDictionary dictionary) {
        int[] top = new int[ALTERNATIVES];
        float[] topP = new float[ALTERNATIVES];
        java.util.Arrays.fill(top, -1);
        for (int c = 1; c < classes; c++) {
            float p = probabilities[offset + c];
            if (c == chosen || p <= topP[ALTERNATIVES - 1]) {
                continue;
            }
            int k = ALTERNATIVES - 1;
            while (k > 0 && p > topP[k - 1]) {
                top[k] = top[k - 1];
                topP[k] = topP[k - 1];
                k--;
            }
            top[k] = c;
            topP[k] = p;
        }
        List<Alternative> list = new ArrayList<>(ALTERNATIVES);
        for (int k = 0; k < ALTERNATIVES && top[k] >= 0; k++) {
            list.add(new Alternative(dictionary.symbol(top[k]), topP[k]));
        }
        return list;
    }
}
