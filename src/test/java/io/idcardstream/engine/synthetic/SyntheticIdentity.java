package io.idcardstream.engine.synthetic;

import io.idcardstream.identity.CardDates.ValidityPeriod;
import io.idcardstream.identity.PrintedSex;
import java.time.LocalDate;
import java.util.Objects;

/** Everything printed on one synthetic card, front and back. */
record SyntheticIdentity(
        String name,
        PrintedSex sex,
        String nation,
        LocalDate birth,
        String address,
        String idNumber,
        String authority,
        ValidityPeriod validity) {

    SyntheticIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(nation, "nation");
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(validity, "validity");
        if (sex == PrintedSex.UNKNOWN) {
            throw new IllegalArgumentException("sex must be MALE or FEMALE but was UNKNOWN");
        }
    }

    /** As the card prints it: {@code 1987年1月1日}, month and day without leading zeros. */
    String birthPrinted() {
        return birth.getYear() + "年" + birth.getMonthValue() + "月" + birth.getDayOfMonth() + "日";
    }

    /** As the back prints it: {@code 2010.07.21-2020.07.21} or {@code 2010.07.21-长期}. */
    String validPeriod() {
        return validity.format();
    }

    /** Never prints the values: even synthetic identities look like personal data in logs. */
    @Override
    public String toString() {
        return "SyntheticIdentity[" + sex + ", born " + birth.getYear() + "]";
    }
}
