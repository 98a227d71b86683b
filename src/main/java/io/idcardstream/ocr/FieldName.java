package io.idcardstream.ocr;

/** The card fields IDCardOCR returns, with the API's own names. */
public enum FieldName {
    NAME("Name", CardSide.FRONT),
    SEX("Sex", CardSide.FRONT),
    NATION("Nation", CardSide.FRONT),
    BIRTH("Birth", CardSide.FRONT),
    ADDRESS("Address", CardSide.FRONT),
    ID_NUM("IdNum", CardSide.FRONT),
    AUTHORITY("Authority", CardSide.BACK),
    VALID_DATE("ValidDate", CardSide.BACK);

    private final String apiName;
    private final CardSide side;

    FieldName(String apiName, CardSide side) {
        this.apiName = apiName;
        this.side = side;
    }

    /** The JSON key in the IDCardOCR response, e.g. {@code IdNum}. */
    public String apiName() {
        return apiName;
    }

    /** The side the field is printed on. */
    public CardSide side() {
        return side;
    }
}
