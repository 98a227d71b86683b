package io.idcardstream.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date formats of the card and of IDCardOCR: birth dates ({@code 1987/1/1} from the API, {@code 1987年1月1日}
 * as printed) and the back's validity period ({@code 2010.07.21-2020.07.21}, {@code 2010.07.21-长期}).
 * Parsing tolerates the variants OCR produces and never guesses: an impossible date gives empty.
 *
 * <p>Stateless and thread-safe.
 */
public final class CardDates {

    /** Years before this are not taken as a date on a card (OCR noise such as {@code 0987}). */
    static final int EARLIEST_YEAR = 1800;

    private static final String LONG_TERM = "长期";
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("uuuu.MM.dd");

    private static final List<Pattern> BIRTH_FORMS = List.of(
            Pattern.compile("(\\d{4})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})"),
            Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日"),
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"));

    /** Applied after whitespace is removed; see {@link #parseValidity(String)} for the variants. */
    private static final Pattern VALIDITY;

    static {
        String dot = "[.．·,，]?";
        String date = "(\\d{4})" + dot + "(\\d{2})" + dot + "(\\d{2})";
        String separator = "[-‐‑‒–—―−－一~～〜至]{0,2}";
        VALIDITY = Pattern.compile(date + separator + "(?:" + date + "|(长期|長期))");
    }

    private CardDates() {
    }

    /**
     * A birth date in any form the API or the card uses: {@code 1987/1/1}, {@code 1987/01/01},
     * {@code 1987年1月1日}, {@code 1987 年 01 月 01 日}, {@code 1987-01-01}. Empty for anything else, null
     * included, and for impossible dates such as {@code 1987/2/30}.
     */
    public static Optional<LocalDate> parseBirth(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        for (Pattern form : BIRTH_FORMS) {
            Matcher m = form.matcher(candidate);
            if (m.matches()) {
                return calendarDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        }
        return Optional.empty();
    }

    /** The API's birth format, without zero padding: {@code 1987/1/1}. */
    public static String formatBirth(LocalDate d) {
        Objects.requireNonNull(d, "d");
        return d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    }

    /**
     * A validity period as printed on the back: {@code 2010.07.21-2020.07.21} or {@code 2010.07.21-长期}.
     * Tolerates what OCR makes of it: whitespace anywhere; dots missing ({@code 20100721-20200721}) or read as
     * full-width dots, middle dots or commas; the separator read as one or two hyphens or dashes of any
     * width, {@code 一}, tildes or {@code 至}, or lost ({@code 2010.07.212020.07.21}); 长期 in its traditional
     * form 長期. Empty when unparsable or when either date is impossible. The period is returned as read, even
     * when it ends before it starts: judging it is {@link IdentityValidator}'s job.
     */
    public static Optional<ValidityPeriod> parseValidity(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VALIDITY.matcher(text.replaceAll("\\s+", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LocalDate> from = calendarDate(m.group(1), m.group(2), m.group(3));
        if (from.isEmpty()) {
            return Optional.empty();
        }
        if (m.group(7) != null) {
            return Optional.of(ValidityPeriod.longTerm(from.get()));
        }
        return calendarDate(m.group(4), m.group(5), m.group(6)).map(until -> ValidityPeriod.until(from.get(), until));
    }

    /** The date, if it is a real calendar date from {@link #EARLIEST_YEAR} on. */
    static Optional<LocalDate> calendarDate(int year, int month, int day) {
        if (year < EARLIEST_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> calendarDate(String year, String month, String day) {
        return calendarDate(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    /**
     * The validity period on the card's back: from the issue date until a date, or long-term ({@code until}
     * is null). Holds what was read; {@link #spanYears()} tells whether it is a whole number of years.
     */
    public record ValidityPeriod(LocalDate from, LocalDate until, boolean longTerm) {

        public ValidityPeriod {
            Objects.requireNonNull(from, "from");
            if (longTerm && until != null) {
                throw new IllegalArgumentException("until must be null for a long-term period, got a date");
            }
            if (!longTerm && until == null) {
                throw new IllegalArgumentException("until must be a date unless the period is long-term, got null");
            }
        }

        /** A period ending on {@code until}. */
        public static ValidityPeriod until(LocalDate from, LocalDate until) {
            return new ValidityPeriod(from, Objects.requireNonNull(until, "until"), false);
        }

        /** A long-term (长期) period. */
        public static ValidityPeriod longTerm(LocalDate from) {
            return new ValidityPeriod(from, null, true);
        }

        /** As printed: {@code 2010.07.21-2020.07.21} or {@code 2010.07.21-长期}. */
        public String format() {
            return DOTTED.format(from) + "-" + (longTerm ? LONG_TERM : DOTTED.format(until));
        }

        /**
         * The length in whole years when {@code until} is exactly that many (at least one) years after
         * {@code from}: same month and day, except that a period starting on 29 February may end on 28 February
         * or 1 March of a common year. Empty for long-term periods and for any other span.
         */
        public OptionalInt spanYears() {
            if (longTerm) {
                return OptionalInt.empty();
            }
            int years = until.getYear() - from.getYear();
            if (years < 1) {
                return OptionalInt.empty();
            }
            LocalDate sameDay = from.plusYears(years); // 29 Feb → 28 Feb in a common year
            boolean leapDayToFirstOfMarch = from.getMonthValue() == 2 && from.getDayOfMonth() == 29
                    && !until.isLeapYear() && until.equals(LocalDate.of(until.getYear(), 3, 1));
            return until.equals(sameDay) || leapDayToFirstOfMarch ? OptionalInt.of(years) : OptionalInt.empty();
        }
    }
}
