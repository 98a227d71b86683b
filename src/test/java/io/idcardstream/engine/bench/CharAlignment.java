package io.idcardstream.engine.bench;

/**
 * How a read value differs from the expected one, character by character: a Levenshtein alignment over code points
 * that counts expected characters missing from the reading (dropped), read characters not in the expected value
 * (extra) and characters read as another (substituted). Stateless.
 */
final class CharAlignment {

    /** The edits of one cheapest alignment; ties prefer substitution, then dropping, then extra characters. */
    record Edits(int dropped, int extra, int substituted) {

        boolean none() {
            return dropped == 0 && extra == 0 && substituted == 0;
        }
    }

    private CharAlignment() {
    }

    static Edits align(String expected, String read) {
        int[] e = expected.codePoints().toArray();
        int[] r = read.codePoints().toArray();
        int[][] cost = new int[e.length + 1][r.length + 1];
        for (int i = 0; i <= e.length; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= r.length; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= e.length; i++) {
            for (int j = 1; j <= r.length; j++) {
                int diagonal = cost[i - 1][j - 1] + (e[i - 1] == r[j - 1] ? 0 : 1);
                cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
            }
        }
        // Walk back from the end, counting each kind of edit on the way.
        int dropped = 0;
        int extra = 0;
        int substituted = 0;
        int i = e.length;
        int j = r.length;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + (e[i - 1] == r[j - 1] ? 0 : 1)) {
                if (e[i - 1] != r[j - 1]) {
                    substituted++;
                }
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                dropped++;
                i--;
            } else {
                extra++;
                j--;
            }
        }
        return new Edits(dropped, extra, substituted);
    }
}
