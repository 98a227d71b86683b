package io.idcardstream.engine.fields;

import io.idcardstream.identity.CardDates;
import io.idcardstream.identity.NationNames;
import io.idcardstream.identity.PrintedSex;
import io.idcardstream.identity.ResidentIdNumber;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.Arrays;
import java.util.Optional;

/**
 * How complete and self-consistent a reading is, to decide whether a second, closer reading is worth its time and
 * which of two readings to keep. Pure and thread-safe.
 */
public final class Completeness {
    private Completeness() {}

    /**
     * Whether the field's value has the field's form (a name of two or more characters, 男/女, a nation of the list,
     * a real date, …).
     */
    public static boolean wellFormed(FieldName field, String value) {
        return switch (field) {
            case NAME -> value.codePointCount(0, value.length()) >= 2;
            case SEX -> PrintedSex.fromPrinted(value) != PrintedSex.UNKNOWN;
            case NATION -> NationNames.isKnown(value);
            case BIRTH -> CardDates.parseBirth(value).isPresent();
            case ADDRESS -> value.codePointCount(0, value.length()) >= 6;
            case ID_NUM -> ResidentIdNumber.parse(value).isPresent();
            case AUTHORITY -> value.codePointCount(0, value.length()) >= 3;
            case VALID_DATE -> CardDates.parseValidity(value).isPresent();
        };
    }

    /** Every field of the card's side is well formed. */
    public static boolean complete(ExtractedCard card) {
        return card.found() && fieldsOf(card.side()).allMatch(f -> wellFormed(f, card.fields().get(f)));
    }

    /** The front's ID number is eighteen characters of its form with a valid check character. */
    public static boolean validIdNumber(ExtractedCard card) {
        return ResidentIdNumber.parse(card.fields().idNum()).filter(ResidentIdNumber::checkDigitValid).isPresent();
    }

    /**
     * Whether a reading with holes was nonetheless of a legible card: a front whose ID number passes its check and
     * agrees with the birth date and sex read. Eighteen characters and two fields agreeing by chance on a card too
     * blurred to read does not happen; a small sharp card on a blurred background does (its two-character name or
     * an address character missed by the detector). A back has no such proof.
     */
    public static boolean provedLegible(ExtractedCard card) {
        return card.side() == CardSide.FRONT && consistent(card);
    }

    /**
     * The front's ID number passes its check and agrees with the printed birth date and sex (always true for the
     * back). Specimen cards fail this on purpose; real cards fail it when something was misread.
     */
    public static boolean consistent(ExtractedCard card) {
        if (card.side() != CardSide.FRONT) {
            return true;
        }
        CardFields f = card.fields();
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(f.idNum());
        return id.isPresent() && id.get().checkDigitValid()
                && CardDates.parseBirth(f.birth()).equals(id.get().birthDate())
                && PrintedSex.fromPrinted(f.sex()) == id.get().sex();
    }

    /**
     * Whether the reading may be wrong somewhere: a field is missing or malformed, or the front is inconsistent
     * while one of the characters involved (ID number, birth date, sex) was read uncertainly (below
     * {@code FieldRectifier.UNCERTAIN}). A confidently read specimen card that fails its check on purpose is not
     * in doubt.
     */
    public static boolean doubtful(ExtractedCard card) {
        if (!complete(card)) {
            return true;
        }
        if (consistent(card)) {
            return false;
        }
        return FieldRectifier.uncertain(card, FieldName.ID_NUM) || FieldRectifier.uncertain(card, FieldName.BIRTH)
                || FieldRectifier.uncertain(card, FieldName.SEX);
    }

    /** Well-formed fields, plus one for consistency: the larger, the better the reading. */
    public static int score(ExtractedCard card) {
        if (!card.found()) {
            return -1;
        }
        long formed = fieldsOf(card.side()).filter(f -> wellFormed(f, card.fields().get(f))).count();
        return (int) formed + (consistent(card) ? 1 : 0);
    }

    /** Mean confidence of the fields read, 0 when none was. */
    public static double meanConfidence(ExtractedCard card) {
        return card.readings().values().stream().mapToDouble(FieldReading::confidence).average().orElse(0);
    }

    private static java.util.stream.Stream<FieldName> fieldsOf(CardSide side) {
        return Arrays.stream(FieldName.values()).filter(f -> f.side() == side);
    }
}
