package io.idcardstream.engine.rec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The recogniser's output classes: index 0 is the CTC blank, then one class per line of the key file
 * ({@code ppocr_keys_v1.txt}: 6,623 characters, no trailing newline), then a space, as PaddleOCR builds it with
 * {@code use_space_char=True}.
 */
public final class CharacterDictionary {
    private final String[] symbols;
    private final Set<String> known;

    private CharacterDictionary(String[] symbols) {
        this.symbols = symbols;
        this.known = Set.of(Arrays.stream(symbols).distinct().toArray(String[]::new));
    }

    /** Blank, the given keys, then a space. */
    public static CharacterDictionary of(List<String> keys) {
        List<String> all = new ArrayList<>(keys.size() + 2);
        all.add("");
        all.addAll(keys);
        all.add(" ");
        return new CharacterDictionary(all.toArray(new String[0]));
    }

    /** Reads a key file: one symbol per line, UTF-8, line ends {@code \n} or {@code \r\n}. */
    public static CharacterDictionary read(InputStream keyFile) throws IOException {
        String text = new String(keyFile.readAllBytes(), StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            keys.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (!keys.isEmpty() && keys.get(keys.size() - 1).isEmpty()) {
            keys.remove(keys.size() - 1);
        }
        return of(keys);
    }

    /** Number of classes, blank and space included: must equal the recogniser's last output dimension. */
    public int size() {
        return symbols.length;
    }

    /** Whether the recogniser can emit this symbol at all (a character missing here is never read). */
    public boolean contains(String symbol) {
        return known.contains(symbol);
    }

    /** The symbol of class {@code index}; the blank (0) is the empty string. */
    public String symbol(int index) {
        return symbols[index];
    }
}
