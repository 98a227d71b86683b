package io.idcardstream.engine.synthetic;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The validity of a resident identity card by age at issue (居民身份证法 art. 5): under 16 five years, 16-25 ten
 * years, 26-45 twenty years, 46 and over long-term (长期).
 */
final class ValidityRule {

    private ValidityRule() {
    }

    /** The expiry date, or empty for a long-term card. */
    static Optional<LocalDate> expiry(LocalDate birth, LocalDate issued) {
        if (issued.isBefore(birth)) {
            throw new IllegalArgumentException("issued must not be before birth but was " + issued + " < " + birth);
        }
        int age = Period.between(birth, issued).getYears();
        if (age >= 46) {
            return Optional.empty();
        }
        int years = age < 16 ? 5 : age <= 25 ? 10 : 20;
        return Optional.of(issued.plusYears(years));
    }
}
