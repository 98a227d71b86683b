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
                confidences.set(last, Math.max(confidences.get(last), bestP));
            } else if (best != 0) {
                text.append(dictionary.symbol(best));
                spans.add(new double[] {t, t});
                confidences.add(bestP);
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
        return new DecodedText(text.toString(), n == 0 ? 0f : (float) (sum / n), centers, charConfidences);
    }
}
