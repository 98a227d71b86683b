package io.idcardstream.engine.fields;

import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The back's values whose last characters a seal, a stamp or the card's edge hides, completed where the card's
 * rules leave exactly one possibility, and reported:
 * <ul>
 *   <li>a validity period read as a whole start date and an end cut short or missing digits
 *       ({@code 2012.10.17-2032}, {@code 2014.06.120190612}): a card is valid for whole years (5, 10 or 20 before
 *       long-term), so the end is the start's month and day in the one such year the digits read fit
 *       ({@value #VALIDITY_END}); a start followed by only one character of 长期 ({@code 2010.09.04-长}) is
 *       long-term, the one end written in words ({@value #VALIDITY_END});
 *   <li>an issuing authority ending in 公安, or in 分 of a 分局: the issuer is always a public security bureau
 *       (公安局) or one of its branches (分局), so the hidden last character is 局 ({@value #AUTHORITY_END}).
 * </ul>
 * Pure and thread-safe.
 */
public final class HiddenEndings {
    static final String VALIDITY_END = "VALIDITY_END_FROM_START", AUTHORITY_END = "AUTHORITY_ENDING_COMPLETED";
    /** How long a card is valid before it becomes long-term (GB 11643 card law, art. 5). */
    static final Set<Integer> SPANS = Set.of(5, 10, 20);
    /** A whole start date at the beginning of the value. */
    private static final Pattern START = Pattern.compile("(\\d{4})\\.?(\\d{2})\\.?(\\d{2})");
    /** After a whole start, one character of 长期 alone: the other is under a seal, and no other end reads so. */
    private static final Pattern HALF_LONG_TERM = Pattern.compile("-?[长期]");
    /** Fewer end digits than this (a year's worth) say too little to choose an end by. */
    static final int MIN_END_DIGITS = 4;

    private HiddenEndings() {}

    public static ExtractedCard apply(ExtractedCard card) {
        if (card.side() != CardSide.BACK) {
            return card;
        }
        CardFields fields = card.fields();
        List<FieldCorrection> cleanups = new ArrayList<>(card.cleanups());
        String validity = completedValidity(fields.validDate());
        if (!validity.equals(fields.validDate())) {
            cleanups.add(new FieldCorrection(FieldName.VALID_DATE, fields.validDate(), validity, VALIDITY_END));
            fields = fields.with(FieldName.VALID_DATE, validity);
        }
        String authority = fields.authority();
        if (authority.length() > 2 && (authority.endsWith("公安") || authority.endsWith("分"))) {
            cleanups.add(new FieldCorrection(FieldName.AUTHORITY, authority, authority + "局", AUTHORITY_END));
            fields = fields.with(FieldName.AUTHORITY, authority + "局");
        }
        return fields.equals(card.fields()) ? card : card.withFields(fields, cleanups);
    }

    /**
     * The period with its end completed, or the value unchanged. The end is taken from the start when the digits
     * read after the start are part of exactly one of the ends the card law allows (start + 5, 10 or 20 years,
     * same month and day), read in order with some lost: a seal over the end ({@code 2012.10.17-2032}) or a digit
     * and the dash lost between the dates ({@code 2014.06.120190612}).
     */
    static String completedValidity(String value) {
        if (CardDates.parseValidity(value).isPresent()) {
            return value;
        }
        Matcher m = START.matcher(value);
        if (!m.lookingAt()) {
            return value;
        }
        if (HALF_LONG_TERM.matcher(value.substring(m.end())).matches()) {
            String longTerm = m.group(1) + "." + m.group(2) + "." + m.group(3) + "-长期";
            return CardDates.parseValidity(longTerm).isPresent() ? longTerm : value;
        }
        String endDigits = value.substring(m.end()).replaceAll("\\D", "");
        if (endDigits.length() < MIN_END_DIGITS) {
            return value;
        }
        LocalDate from;
        try {
            from = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException notADate) {
            return value;
        }
        String completed = null;
        for (int years : SPANS) {
            LocalDate until = from.plusYears(years);
            String digits = String.format("%04d%02d%02d", until.getYear(), until.getMonthValue(),
                    until.getDayOfMonth());
            if (FieldwiseMerge.subsequence(endDigits, digits)) {
                if (completed != null) {
                    return value;
                }
                completed = CardDates.ValidityPeriod.until(from, until).format();
            }
        }
        return completed == null ? value : completed;
    }
}
