package io.idcardstream.identity;

import io.idcardstream.identity.CardDates.ValidityPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a card's fields against each other and against the rules of GB 11643-1999 and the Resident Identity
 * Card Law, and reports what it found. It never corrects a field: a mismatch is reported with both sides
 * left as they were read.
 *
 * <p>Checks that lack their inputs are reported as null (not applicable), never as passed or failed. The
 * validity span is checked against the holder's age when a birth date is known (the printed one, else the one
 * in the ID number): under 16 five years, 16-25 ten, 26-45 twenty, 46 and over long-term. The law's age is the
 * age when the card was applied for, which can be up to {@value #MAX_DAYS_FROM_APPLICATION_TO_ISSUE} days
 * before the issue date printed on the back, so the band of either day is accepted.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdentityValidator {

    /** Card expiry is judged by the calendar date in China. */
    public static final ZoneId CARD_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Resident Identity Card Law, article 10: the card is issued within 60 days of the application, extendable
     * by at most 30 days in remote areas.
     */
    static final int MAX_DAYS_FROM_APPLICATION_TO_ISSUE = 90;

    private final RegionCodes regionCodes;

    /** A validator using the {@linkplain RegionCodes#bundled() bundled} region codes. */
    public IdentityValidator() {
        this(RegionCodes.bundled());
    }

    public IdentityValidator(RegionCodes regionCodes) {
        this.regionCodes = Objects.requireNonNull(regionCodes, "regionCodes");
    }

    /** Today's date in Asia/Shanghai by the given clock: the verification date to pass to {@link #validate}. */
    public static LocalDate todayInShanghai(Clock clock) {
        return LocalDate.now(Objects.requireNonNull(clock, "clock").withZone(CARD_TIME_ZONE));
    }

    /**
     * Validates the fields read from one card (or one side of it) as of {@code verificationDate}, the date in
     * Asia/Shanghai (see {@link #todayInShanghai(Clock)}).
     */
    public IdentityChecks validate(CardFacts facts, LocalDate verificationDate) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(verificationDate, "verificationDate");
        Set<ValidationIssue> issues = EnumSet.noneOf(ValidationIssue.class);

        Boolean idNumberFormatValid = null;
        Boolean checkDigitValid = null;
        Boolean regionCodeKnown = null;
        Optional<ResidentIdNumber> idNumber = Optional.empty();
        if (!facts.idNum().isBlank()) {
            idNumber = ResidentIdNumber.parse(facts.idNum());
            idNumberFormatValid = idNumber.flatMap(ResidentIdNumber::birthDate).isPresent();
            flagIfFalse(idNumberFormatValid, ValidationIssue.ID_NUMBER_FORMAT_INVALID, issues);
            if (idNumber.isPresent()) {
                checkDigitValid = flagIfFalse(idNumber.get().checkDigitValid(),
                        ValidationIssue.CHECK_DIGIT_MISMATCH, issues);
                regionCodeKnown = flagIfFalse(regionCodes.isKnown(idNumber.get().regionCode()),
                        ValidationIssue.REGION_CODE_UNKNOWN, issues);
            }
        }
        Optional<LocalDate> idBirth = idNumber.flatMap(ResidentIdNumber::birthDate);

        Boolean birthMatchesIdNumber = null;
        Optional<LocalDate> printedBirth = Optional.empty();
        if (!facts.birth().isBlank()) {
            printedBirth = CardDates.parseBirth(facts.birth());
            if (printedBirth.isEmpty()) {
                issues.add(ValidationIssue.BIRTH_DATE_UNREADABLE);
            } else if (idBirth.isPresent()) {
                birthMatchesIdNumber = flagIfFalse(printedBirth.equals(idBirth), ValidationIssue.BIRTH_MISMATCH, issues);
            }
        }

        Boolean sexMatchesIdNumber = null;
        PrintedSex printedSex = PrintedSex.fromPrinted(facts.sex());
        if (printedSex != PrintedSex.UNKNOWN && idNumber.isPresent()) {
            sexMatchesIdNumber = flagIfFalse(printedSex == idNumber.get().sex(), ValidationIssue.SEX_MISMATCH, issues);
        }

        Boolean validityPlausible = null;
        Boolean expired = null;
        if (!facts.validDate().isBlank()) {
            Optional<ValidityPeriod> period = CardDates.parseValidity(facts.validDate());
            if (period.isEmpty()) {
                issues.add(ValidationIssue.VALIDITY_UNREADABLE);
            } else {
                Optional<LocalDate> birth = printedBirth.or(() -> idBirth);
                validityPlausible = flagIfFalse(plausible(period.get(), birth),
                        ValidationIssue.VALIDITY_IMPLAUSIBLE, issues);
                expired = !period.get().longTerm() && period.get().until().isBefore(verificationDate);
                if (expired) {
                    issues.add(ValidationIssue.EXPIRED);
                }
                if (period.get().from().isAfter(verificationDate)) {
                    issues.add(ValidationIssue.NOT_YET_VALID);
                }
            }
        }

        return new IdentityChecks(idNumberFormatValid, checkDigitValid, regionCodeKnown, birthMatchesIdNumber,
                sexMatchesIdNumber, validityPlausible, expired, List.copyOf(issues));
    }

    private static Boolean flagIfFalse(boolean passed, ValidationIssue issue, Set<ValidationIssue> issues) {
        if (!passed) {
            issues.add(issue);
        }
        return passed;
    }

    private static boolean plausible(ValidityPeriod period, Optional<LocalDate> birth) {
        Optional<Term> term = Term.of(period);
        if (term.isEmpty()) {
            return false;
        }
        return birth.map(b -> termsForApplicant(b, period.from()).contains(term.get())).orElse(true);
    }

    /** The terms the law gives someone born on {@code birth} whose card was issued on {@code issued}. */
    private static Set<Term> termsForApplicant(LocalDate birth, LocalDate issued) {
        if (birth.isAfter(issued)) {
            return Set.of();
        }
        LocalDate earliestApplication = issued.minusDays(MAX_DAYS_FROM_APPLICATION_TO_ISSUE);
        return EnumSet.of(Term.forAge(Period.between(birth, issued).getYears()),
                Term.forAge(Period.between(birth, earliestApplication).getYears()));
    }

    /** The validity terms of the Resident Identity Card Law, article 5. */
    private enum Term {
        FIVE_YEARS,
        TEN_YEARS,
        TWENTY_YEARS,
        LONG_TERM;

        static Optional<Term> of(ValidityPeriod period) {
            if (period.longTerm()) {
                return Optional.of(LONG_TERM);
            }
            int years = period.spanYears().orElse(0);
            return switch (years) {
                case 5 -> Optional.of(FIVE_YEARS);
                case 10 -> Optional.of(TEN_YEARS);
                case 20 -> Optional.of(TWENTY_YEARS);
                default -> Optional.empty();
            };
        }

        static Term forAge(int ageInYears) {
            if (ageInYears < 16) {
                return FIVE_YEARS;
            }
            if (ageInYears <= 25) {
                return TEN_YEARS;
            }
            return ageInYears <= 45 ? TWENTY_YEARS : LONG_TERM;
        }
    }
}
