package io.idcardstream.ocr;

import java.util.List;

/**
 * The warning codes of {@code AdvancedInfo.WarnInfos}. Warnings are not errors: the card was read, and the
 * caller's review policy decides. Codes this version does not know map to {@link #UNKNOWN}.
 */
public enum WarningCode {
    /** -9109 (documented as -9100 before SDK 3.1.1420); both are accepted. */
    INVALID_VALIDITY_DATE(-9109, -9100),
    INCOMPLETE_BORDER(-9101),
    /** -9102 photocopy (black-and-white or colour), -9108 black-and-white photocopy. */
    PHOTOCOPY(-9102, -9108),
    RESHOOT(-9103),
    TEMPORARY_ID(-9104),
    OCCLUSION(-9105),
    EDITED(-9106),
    GLARE(-9107),
    ELECTRONIC_ID(-9110),
    WATERMARK(-9111),
    UNKNOWN;

    private final List<Integer> codes;

    WarningCode(Integer... codes) {
        this.codes = List.of(codes);
    }

    /** The code this project emits for the warning (the first of its codes). */
    public int code() {
        if (codes.isEmpty()) {
            throw new IllegalStateException("UNKNOWN has no code of its own");
        }
        return codes.get(0);
    }

    public static WarningCode fromCode(int code) {
        for (WarningCode warning : values()) {
            if (warning.codes.contains(code)) {
                return warning;
            }
        }
        return UNKNOWN;
    }
}
