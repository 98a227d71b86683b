package io.idcardstream.engine.synthetic;

import io.idcardstream.identity.CardDates.ValidityPeriod;
import io.idcardstream.identity.PrintedSex;
import io.idcardstream.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Random but valid identities: the ID number's region, birth date and sex digit agree with the printed fields and
 * carry the GB 11643 check digit; the validity span follows the law for the age at issue.
 *
 * <p>Not thread-safe: it draws from the caller's generator, so one seed gives one sequence.
 */
final class IdentityGenerator {

    /** Second-generation cards have been issued since 2004; issue dates end before the fixtures were made. */
    static final LocalDate FIRST_ISSUE = LocalDate.of(2005, 1, 1);
    static final LocalDate LAST_ISSUE = LocalDate.of(2025, 6, 30);
    static final LocalDate FIRST_BIRTH = LocalDate.of(1935, 1, 1);
    static final LocalDate LAST_BIRTH = LocalDate.of(2016, 12, 31);

    private final RandomGenerator random;

    IdentityGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    SyntheticIdentity next() {
        PrintedSex sex = random.nextBoolean() ? PrintedSex.MALE : PrintedSex.FEMALE;
        LocalDate birth = randomDate(FIRST_BIRTH, LAST_BIRTH);
        LocalDate earliestIssue = birth.plusYears(1).isAfter(FIRST_ISSUE) ? birth.plusYears(1) : FIRST_ISSUE;
        LocalDate issued = randomDate(earliestIssue, LAST_ISSUE);
        Region region = Regions.ALL.get(random.nextInt(Regions.ALL.size()));
        return new SyntheticIdentity(
                Names.random(sex, random),
                sex,
                EthnicGroups.random(random),
                birth,
                Addresses.random(region, random),
                idNumber(region, birth, sex),
                region.authority(),
                ValidityRule.expiry(birth, issued)
                        .map(expiry -> ValidityPeriod.until(issued, expiry))
                        .orElseGet(() -> ValidityPeriod.longTerm(issued)));
    }

    private String idNumber(Region region, LocalDate birth, PrintedSex sex) {
        int sexDigit = 2 * random.nextInt(5) + (sex == PrintedSex.MALE ? 1 : 0);
        String first17 = region.code() + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%02d", random.nextInt(100)) + sexDigit;
        return first17 + ResidentIdNumber.checkDigit(first17);
    }

    private LocalDate randomDate(LocalDate first, LocalDate last) {
        return first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
    }
}
