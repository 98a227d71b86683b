package io.idcardstream.engine.fields;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that stamps and watermarks put on copies of a card, recognised by what it says: 复印无效 ("copies
 * invalid"), 禁止复印 ("do not copy", a square seal whose two columns are read as 复禁 / 印止), 样证 / 样本
 * (specimen) and the 仅限…使用 ("for … use only") line. A run of text is stamp text when every character in it
 * belongs to these phrases, or when it is such a line: no card value is made only of these characters, while a
 * value merely containing one (印染厂, 无锡) has others beside it.
 *
 * <p>Pure and thread-safe.
 */
final class StampText {
    static final List<String> PHRASES = List.of("复印无效", "禁止复印", "样证", "样本");
    private static final Pattern FOR_USE_ONLY = Pattern.compile("仅限.{0,12}使用");
    private static final String CHARACTERS = String.join("", PHRASES);

    private StampText() {}

    static boolean isStamp(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (FOR_USE_ONLY.matcher(text).find()) {
            return true;
        }
        return text.codePoints().allMatch(c -> CHARACTERS.indexOf(c) >= 0);
    }
}
