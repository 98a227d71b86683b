package io.idcardstream.identity;

/** The sex as printed on the card's front ({@code 男} / {@code 女}) or encoded in digit 17 of the ID number. */
public enum PrintedSex {
    MALE("男"),
    FEMALE("女"),
    /** Nothing readable: an empty field, or text that is neither 男 nor 女. */
    UNKNOWN("");

    private final String printed;

    PrintedSex(String printed) {
        this.printed = printed;
    }

    /** {@code "男"} → MALE, {@code "女"} → FEMALE (surrounding whitespace ignored); anything else, null included, → UNKNOWN. */
    public static PrintedSex fromPrinted(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        return switch (s.strip()) {
            case "男" -> MALE;
            case "女" -> FEMALE;
            default -> UNKNOWN;
        };
    }

    /** The form printed on the card: {@code 男}, {@code 女}, or {@code ""} for UNKNOWN. */
    public String printed() {
        return printed;
    }
}
