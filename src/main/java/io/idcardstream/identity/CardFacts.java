package io.idcardstream.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields {@link IdentityValidator} checks, as strings in the API's formats: sex {@code 男}/{@code 女},
 * birth {@code 1987/1/1} (from the front), idNum, validDate {@code 2010.07.21-2020.07.21} (from the back).
 * Any may be missing; null is stored as {@code ""}. {@link #toString()} names only the fields present.
 */
public record CardFacts(String name, String sex, String birth, String idNum, String validDate) {

    public CardFacts {
        name = Objects.requireNonNullElse(name, "");
        sex = Objects.requireNonNullElse(sex, "");
        birth = Objects.requireNonNullElse(birth, "");
        idNum = Objects.requireNonNullElse(idNum, "");
        validDate = Objects.requireNonNullElse(validDate, "");
    }

    /** The front's fields only. */
    public static CardFacts front(String name, String sex, String birth, String idNum) {
        return new CardFacts(name, sex, birth, idNum, "");
    }

    /** The back's validity only. */
    public static CardFacts back(String validDate) {
        return new CardFacts("", "", "", "", validDate);
    }

    /** Never prints the values: they are personal data. */
    @Override
    public String toString() {
        List<String> present = new ArrayList<>();
        if (!name.isBlank()) {
            present.add("name");
        }
        if (!sex.isBlank()) {
            present.add("sex");
        }
        if (!birth.isBlank()) {
            present.add("birth");
        }
        if (!idNum.isBlank()) {
            present.add("idNum");
        }
        if (!validDate.isBlank()) {
            present.add("validDate");
        }
        return "CardFacts[present=" + String.join(",", present) + "]";
    }
}
