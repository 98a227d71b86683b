package io.idcardstream.ocr;

import java.util.Objects;

/**
 * The eight card fields exactly as IDCardOCR returns them: strings, never null, {@code ""} for the fields of
 * the other side. Formats follow the API: Birth {@code 1987/1/1}, ValidDate {@code 2010.07.21-2020.07.21} or
 * {@code 2010.07.21-长期}.
 */
public record CardFields(
        String name,
        String sex,
        String nation,
        String birth,
        String address,
        String idNum,
        String authority,
        String validDate) {

    public static final CardFields EMPTY = new CardFields("", "", "", "", "", "", "", "");

    public CardFields {
        name = Objects.requireNonNullElse(name, "");
        sex = Objects.requireNonNullElse(sex, "");
        nation = Objects.requireNonNullElse(nation, "");
        birth = Objects.requireNonNullElse(birth, "");
        address = Objects.requireNonNullElse(address, "");
        idNum = Objects.requireNonNullElse(idNum, "");
        authority = Objects.requireNonNullElse(authority, "");
        validDate = Objects.requireNonNullElse(validDate, "");
    }

    public static CardFields front(String name, String sex, String nation, String birth, String address, String idNum) {
        return new CardFields(name, sex, nation, birth, address, idNum, "", "");
    }

    public static CardFields back(String authority, String validDate) {
        return new CardFields("", "", "", "", "", "", authority, validDate);
    }

    public String get(FieldName field) {
        return switch (field) {
            case NAME -> name;
            case SEX -> sex;
            case NATION -> nation;
            case BIRTH -> birth;
            case ADDRESS -> address;
            case ID_NUM -> idNum;
            case AUTHORITY -> authority;
            case VALID_DATE -> validDate;
        };
    }

    /** A copy with one field replaced. */
    public CardFields with(FieldName field, String value) {
        return new CardFields(
                field == FieldName.NAME ? value : name,
                field == FieldName.SEX ? value : sex,
                field == FieldName.NATION ? value : nation,
                field == FieldName.BIRTH ? value : birth,
                field == FieldName.ADDRESS ? value : address,
                field == FieldName.ID_NUM ? value : idNum,
                field == FieldName.AUTHORITY ? value : authority,
                field == FieldName.VALID_DATE ? value : validDate);
    }

    /** The side these fields come from: FRONT if any front field is set, else BACK if any back field is, else null. */
    public CardSide side() {
        for (FieldName field : FieldName.values()) {
            if (field.side() == CardSide.FRONT && !get(field).isEmpty()) {
                return CardSide.FRONT;
            }
        }
        return authority.isEmpty() && validDate.isEmpty() ? null : CardSide.BACK;
    }

    /** Never prints the values: they are personal data. */
    @Override
    public String toString() {
        return "CardFields[side=" + side() + "]";
    }
}
