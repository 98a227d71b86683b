package io.idcardstream.engine.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a field was not read exactly, in words that carry no value (values are personal data): the API error code
 * when the call failed, {@code missing} for an empty answer, else the character edits from {@link CharAlignment}
 * ({@code dropped_chars(n)}, {@code extra_chars(n)}, {@code substituted_chars(n)}, joined by {@code +}), with
 * {@code bad_format} added when the answer's date is not in the API's format. Stateless.
 */
final class MissCause {

    private MissCause() {
    }

    /**
     * @param errorCode the API error code when the call failed, else null
     * @param badFormat whether the read value is a malformed date (Birth or ValidDate)
     */
    static String of(String expected, String read, String errorCode, boolean badFormat) {
        if (errorCode != null) {
            return errorCode;
        }
        List<String> parts = new ArrayList<>();
        if (read.isEmpty()) {
            parts.add("missing");
        } else {
            CharAlignment.Edits edits = CharAlignment.align(expected, read);
            if (edits.dropped() > 0) {
                parts.add("dropped_chars(" + edits.dropped() + ")");
            }
            if (edits.extra() > 0) {
                parts.add("extra_chars(" + edits.extra() + ")");
            }
            if (edits.substituted() > 0) {
                parts.add("substituted_chars(" + edits.substituted() + ")");
            }
        }
        if (badFormat) {
            parts.add("bad_format");
        }
        return String.join("+", parts);
    }
}
