package io.idcardstream.identity;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An 18-character citizen identity number (GB 11643-1999): six digits of region code, eight of birth date
 * (YYYYMMDD), three of sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character
 * ({@code 0-9} or {@code X}). Residence permits for Hong Kong, Macao and Taiwan residents (prefixes 81, 82,
 * 83) use the same format.
 *
 * <p>A value only guarantees the format; whether the check digit, the region or the date are right is asked
 * separately, because a card that fails them still has to be reported, not rejected. {@link #toString()}
 * masks the number. Immutable.
 */
public record ResidentIdNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{16}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentIdNumber {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            // The value itself is personal data: describe it, never echo it.
            throw new IllegalArgumentException("value must be 18 characters, a digit 1-9, 16 digits and a digit or X; got "
                    + value.length() + " characters not in that form");
        }
    }

    /**
     * Reads a number as printed or returned by OCR: surrounding whitespace is ignored and a trailing lower-case
     * {@code x} is taken as {@code X}. Anything not of the form {@code [1-9]\d{16}[\dX]} gives empty.
     */
    public static Optional<ResidentIdNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.endsWith("x")) {
            candidate = candidate.substring(0, candidate.length() - 1) + 'X';
        }
        return FORMAT.matcher(candidate).matches() ? Optional.of(new ResidentIdNumber(candidate)) : Optional.empty();
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of a number.
     *
     * @throws IllegalArgumentException unless the argument is exactly 17 ASCII digits
     */
    public static char checkDigit(String first17Digits) {
        if (first17Digits == null) {
            throw new IllegalArgumentException("first17Digits must be 17 digits 0-9, got null");
        }
        if (first17Digits.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("first17Digits must be 17 digits 0-9, got "
                    + first17Digits.length() + " characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char c = first17Digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("first17Digits must be 17 digits 0-9, got a non-digit at position "
                        + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    /** Whether the 18th character is the check character of the first 17. */
    public boolean checkDigitValid() {
        return checkDigit(value.substring(0, 17)) == value.charAt(17);
    }

    /** Digits 1-6: the GB/T 2260 code of the region where the number was first issued. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** Digits 7-14 as a date; empty when they are not a real calendar date from 1800 on (e.g. {@code 19870230}). */
    public Optional<LocalDate> birthDate() {
        return CardDates.calendarDate(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /** Digit 17: odd for men, even for women. */
    public PrintedSex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? PrintedSex.MALE : PrintedSex.FEMALE;
    }

    /** Masked ({@code ResidentIdNumber[4405**********0014]}): the number is personal data. */
    @Override
    public String toString() {
        return "ResidentIdNumber[" + PiiMask.idNumber(value) + "]";
    }
}
