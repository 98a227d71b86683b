package io.idcardstream.assembly;

import io.idcardstream.events.state.BackSide;
import io.idcardstream.events.state.FrontSide;
import io.idcardstream.identity.CardDates;
import io.idcardstream.identity.CardDates.ValidityPeriod;
import io.idcardstream.identity.CardFacts;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.identity.RegionCodes;
import io.idcardstream.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks only the two sides together allow: the validity span (back) against the holder's age at issue
 * (front), expiry with days left, and the issuing authority (back) against the ID number's region code (front).
 * Each failed check is a named flag; no field is ever changed. A check that lacks an input is null, never passed.
 *
 * <p>Immutable and thread-safe.
 */
final class CrossSideChecks {
    static final String VALIDITY_SPAN_DOES_NOT_FIT_AGE = "VALIDITY_SPAN_DOES_NOT_FIT_AGE";
    static final String EXPIRED = "EXPIRED";
    static final String AUTHORITY_NOT_IN_ID_REGION = "AUTHORITY_NOT_IN_ID_REGION";

    /** Suffixes of division names an authority may leave out (北京市 → 北京, 石景山区 → 石景山), longest first. */
    private static final List<String> DIVISION_SUFFIXES = List.of("特别行政区", "维吾尔自治区", "壮族自治区",
            "回族自治区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "县", "区", "盟", "旗");

    private final IdentityValidator validator;
    private final RegionCodes regionCodes;

    CrossSideChecks(RegionCodes regionCodes) {
        this.regionCodes = regionCodes;
        this.validator = new IdentityValidator(regionCodes);
    }

    /** What the checks found; {@link #flags} names the failed ones. */
    record Result(Integer ageAtIssue, Boolean validitySpanFitsAge, Boolean expired, Integer daysLeft,
            Boolean authorityMatchesRegion, List<String> flags) {}

    Result check(FrontSide front, BackSide back, LocalDate today) {
        Optional<ResidentIdNumber> idNumber = Optional.ofNullable(front.getIdNumber()).flatMap(ResidentIdNumber::parse);
        Optional<LocalDate> birth = Optional.ofNullable(front.getBirthDate())
                .or(() -> idNumber.flatMap(ResidentIdNumber::birthDate));
        Optional<ValidityPeriod> period = period(back);
        List<String> flags = new ArrayList<>();

        Integer ageAtIssue = null;
        Boolean fits = null;
        if (birth.isPresent() && period.isPresent() && !birth.get().isAfter(period.get().from())) {
            ageAtIssue = Period.between(birth.get(), period.get().from()).getYears();
            // The validator holds the law's bands (and the application-day tolerance); given a birth date it
            // judges the span against the age, which neither side could on its own.
            fits = validator.validate(new CardFacts("", "", CardDates.formatBirth(birth.get()), "",
                    period.get().format()), today).validityPlausible();
        } else if (birth.isPresent() && period.isPresent()) {
            fits = false; // issued before the holder was born
        }
        if (Boolean.FALSE.equals(fits)) {
            flags.add(VALIDITY_SPAN_DOES_NOT_FIT_AGE);
        }

        Boolean expired = null;
        Integer daysLeft = null;
        if (back.getLongTerm()) {
            expired = false;
        } else if (back.getValidUntil() != null) {
            expired = back.getValidUntil().isBefore(today);
            daysLeft = (int) ChronoUnit.DAYS.between(today, back.getValidUntil());
        }
        if (Boolean.TRUE.equals(expired)) {
            flags.add(EXPIRED);
        }

        Boolean authorityMatches = idNumber.flatMap(number -> authorityMatches(back.getAuthority(),
                number.regionCode())).orElse(null);
        if (Boolean.FALSE.equals(authorityMatches)) {
            flags.add(AUTHORITY_NOT_IN_ID_REGION);
        }
        return new Result(ageAtIssue, fits, expired, daysLeft, authorityMatches, List.copyOf(flags));
    }

    /**
     * Whether the authority names the province, city or county of the region code, in full or without its
     * suffix. Empty when either is unknown: a code retired before 2002 is in no table, and that is no finding.
     */
    Optional<Boolean> authorityMatches(String authority, String regionCode) {
        // Only a known code is judged (DESIGN: an unknown code never fails a card on its own), even when its
        // province is known: a county code retired before 2002 may have moved to another city since.
        List<String> places = regionCodes.isKnown(regionCode) ? regionCodes.divisionNames(regionCode) : List.of();
        if (authority == null || authority.isBlank() || places.isEmpty()) {
            return Optional.empty();
        }
        for (String place : places) {
            if (authority.contains(place) || authority.contains(shortName(place))) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    static String shortName(String place) {
        for (String suffix : DIVISION_SUFFIXES) {
            if (place.endsWith(suffix) && place.length() - suffix.length() >= 2) {
                return place.substring(0, place.length() - suffix.length());
            }
        }
        return place;
    }

    private static Optional<ValidityPeriod> period(BackSide back) {
        if (back.getValidFrom() == null) {
            return Optional.empty();
        }
        if (back.getLongTerm()) {
            return Optional.of(ValidityPeriod.longTerm(back.getValidFrom()));
        }
        return back.getValidUntil() == null ? Optional.empty()
                : Optional.of(ValidityPeriod.until(back.getValidFrom(), back.getValidUntil()));
    }
}
