package io.idcardstream.engine.fields;

import io.idcardstream.identity.CardDates;
import io.idcardstream.identity.NationNames;
import io.idcardstream.identity.PrintedSex;
import io.idcardstream.identity.ResidentIdNumber;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The confidence reported for a field: how likely the returned value is exactly what is printed. The recogniser's
 * own probabilities miss what goes wrong most often on hard images: a character dropped without a trace, and a value
 * that was inferred rather than read. So the confidence is the characters' evidence (their mean, pulled down by
 * the least sure one), capped by what the value itself says:
 * <ul>
 *   <li>a value not of its field's form (a date that is not one, a nation not on the list, a number failing its
 *       check character, an authority not ending in 局) is capped low;
 *   <li>a value that disagrees with the card's other fields (a birth date or sex the valid ID number contradicts)
 *       or that looks cut short (a one-character name, an address without an address's ending) is capped below
 *       {@link #CONFIDENT};
 *   <li>a value the engine completed or changed rather than read ({@link FieldCorrection}s other than dropped
 *       specks and second readings), or one a stamp was read over ({@link DiscardedText#STAMP_TEXT} on its row: such
 *       lines lose characters without a trace), is capped below {@link #CONFIDENT}.
 * </ul>
 * The caps were chosen on the synthetic hard set of seed 2027 and the dev sets and checked on the hard set of seed
 * 2028 (BENCHMARKS.md, calibration table): among fields at {@link #CONFIDENT} or more, at least 99% are exact.
 *
 * <p>Pure and thread-safe.
 */
public final class FieldConfidence {
    /** The level a client may act on without a second look. */
    public static final float CONFIDENT = 0.9f;
    /** Below the confident level: plausible, but something says look again. */
    static final float DOUBTFUL = 0.85f;
    /** Not of the field's form at all. */
    static final float MALFORMED = 0.3f;
    /** How address lines end: a house, a room, a village, a group, a street. */
    static final String ADDRESS_ENDINGS = "号室村组户楼院队屯庄街道路巷弄里栋元层舍场厂站区镇乡寨坊园苑座幢";
    /** Corrections that do not make a value less certain: nothing was inferred. */
    static final Set<String> HARMLESS = Set.of("PUNCTUATION_SPECKS_DROPPED", "DUPLICATE_READING_DROPPED");

    private FieldConfidence() {}

    /**
     * @param fields the card's final fields (after rectification)
     * @param corrections every correction made to the card's fields
     */
    public static float of(FieldName field, FieldReading reading, CardFields fields,
            List<FieldCorrection> corrections, List<DiscardedText> discarded) {
        float evidence = evidence(reading);
        float cap = Math.min(formCap(field, fields), correctionCap(field, corrections));
        boolean underStamp = discarded.stream()
                .anyMatch(d -> d.field() == field && d.reason().equals(DiscardedText.STAMP_TEXT));
        return Math.min(evidence, underStamp ? Math.min(cap, DOUBTFUL) : cap);
    }

    /** The field's evidence with its confidence replaced by the calibrated one. */
    public static FieldEvidence evidence(FieldName field, FieldReading reading, CardFields fields,
            List<FieldCorrection> corrections, List<DiscardedText> discarded) {
        return new FieldEvidence(field, of(field, reading, fields, corrections, discarded),
                reading.evidence().polygon());
    }

    /** The mean of the characters' probabilities, pulled half way to the least sure one. */
    static float evidence(FieldReading reading) {
        if (reading.glyphs().isEmpty()) {
            return 0;
        }
        double min = reading.glyphs().stream().mapToDouble(g -> g.confidence()).min().orElse(0);
        return (float) Math.min(reading.confidence(), (reading.confidence() + min) / 2);
    }

    private static float correctionCap(FieldName field, List<FieldCorrection> corrections) {
        boolean changed = corrections.stream()
                .anyMatch(c -> c.field() == field && !HARMLESS.contains(c.reason()));
        return changed ? DOUBTFUL : 1f;
    }

    static float formCap(FieldName field, CardFields fields) {
        String value = fields.get(field);
        int length = value.codePointCount(0, value.length());
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(fields.idNum()).filter(ResidentIdNumber::checkDigitValid);
        return switch (field) {
            case NAME -> length >= 2 && (length <= 4 || value.contains("·")) ? 1f : length == 0 ? MALFORMED : DOUBTFUL;
            case SEX -> {
                PrintedSex sex = PrintedSex.fromPrinted(value);
                yield sex == PrintedSex.UNKNOWN ? MALFORMED : id.isPresent() && id.get().sex() != sex ? DOUBTFUL : 1f;
            }
            case NATION -> NationNames.isKnown(value) ? 1f : MALFORMED;
            case BIRTH -> {
                var birth = CardDates.parseBirth(value);
                yield birth.isEmpty() ? MALFORMED
                        : id.isPresent() && !id.get().birthDate().equals(birth) ? DOUBTFUL : 1f;
            }
            case ADDRESS -> length < 8 ? MALFORMED
                    : ADDRESS_ENDINGS.indexOf(value.codePointBefore(value.length())) >= 0 ? 1f : DOUBTFUL;
            case ID_NUM -> ResidentIdNumber.parse(value).isEmpty() ? MALFORMED : id.isEmpty() ? DOUBTFUL : 1f;
            case AUTHORITY -> length >= 4 && value.endsWith("局") ? 1f : MALFORMED;
            case VALID_DATE -> CardDates.parseValidity(value)
                    .map(p -> p.longTerm() || p.spanYears().isPresent() ? 1f : DOUBTFUL).orElse(MALFORMED);
        };
    }
}
