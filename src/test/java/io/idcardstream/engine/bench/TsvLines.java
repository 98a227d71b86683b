package io.idcardstream.engine.bench;

import io.idcardstream.engine.text.TextLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Tesseract's TSV output into {@link TextLine}s: the words of one Tesseract line (same page, block,
 * paragraph and line number) boxed by the union of their boxes, with the mean word confidence scaled to 0..1.
 * Words are joined as Tesseract's own text output joins Chinese: a space where the gap between two words is wider
 * than half the line's height or between two Latin letters or digits, nothing otherwise (chi_sim splits a tightly
 * printed address into many words). Stateless.
 */
final class TsvLines {

    private static final int COLUMNS = 12;

    private TsvLines() {
    }

    static List<TextLine> parse(String tsv) {
        Map<String, List<String[]>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length != COLUMNS || !cells[0].equals("5")) {
                continue; // header, page/block/paragraph/line rows, or a trailing blank line
            }
            if (cells[11].isBlank() || Double.parseDouble(cells[10]) < 0) {
                continue;
            }
            lines.computeIfAbsent(cells[1] + "/" + cells[2] + "/" + cells[3] + "/" + cells[4], k -> new ArrayList<>())
                    .add(cells);
        }
        List<TextLine> out = new ArrayList<>();
        for (List<String[]> words : lines.values()) {
            out.add(line(words));
        }
        return out;
    }

    private static TextLine line(List<String[]> words) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        int previousRight = 0;
        int previousHeight = 0;
        for (String[] word : words) {
            String value = word[11].strip();
            int x = Integer.parseInt(word[6]);
            int y = Integer.parseInt(word[7]);
            int height = Integer.parseInt(word[9]);
            if (text.length() > 0 && (x - previousRight > Math.max(height, previousHeight) / 2
                    || latin(text.charAt(text.length() - 1)) && latin(value.charAt(0)))) {
                text.append(' ');
            }
            text.append(value);
            previousRight = x + Integer.parseInt(word[8]);
            previousHeight = height;
            confidence += Double.parseDouble(word[10]);
            left = Math.min(left, x);
            top = Math.min(top, y);
            right = Math.max(right, x + Integer.parseInt(word[8]));
            bottom = Math.max(bottom, y + height);
        }
        float mean = (float) Math.min(1.0, confidence / words.size() / 100.0);
        return new TextLine(text.toString(), mean, new double[] {left, top, right, top, right, bottom, left, bottom});
    }

    private static boolean latin(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
