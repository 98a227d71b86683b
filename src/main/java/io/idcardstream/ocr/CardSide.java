package io.idcardstream.ocr;

/** The two sides of a second-generation resident ID card, named as the IDCardOCR API names them. */
public enum CardSide {
    /** The portrait side: name, sex, nation, birth, address, ID number. */
    FRONT,
    /** The national-emblem side: issuing authority and validity period. */
    BACK;

    /** Parses the API's CardSide value; {@code null} or blank means "detect". */
    public static CardSide fromApi(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (CardSide side : values()) {
            if (side.name().equals(value)) {
                return side;
            }
        }
        throw new IllegalArgumentException("CardSide must be FRONT or BACK but was '" + value + "'");
    }
}
