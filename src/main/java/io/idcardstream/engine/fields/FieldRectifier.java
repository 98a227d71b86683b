package io.idcardstream.engine.fields;

import io.idcardstream.engine.text.Glyph;
import io.idcardstream.identity.CardDates;
import io.idcardstream.identity.PrintedSex;
import io.idcardstream.identity.ResidentIdNumber;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IDCardOCR's {@code EnableRecognitionRectify}: makes the ID number, birth date and sex agree, and says so. Every
 * change is returned as a {@link FieldCorrection} naming what was read, after the extraction's own clean-ups
 * ({@link ExtractedCard#cleanups()}); nothing is changed silently.
 *
 * <ul>
 *   <li>When the ID number's check character is right, the number is trusted: a birth date or sex that disagrees
 *       with it and was unreadable or read uncertainly (a character's probability below {@value #UNCERTAIN}) is
 *       taken from the number ({@code BIRTH_FROM_ID_NUMBER}, {@code SEX_FROM_ID_NUMBER}). One read with
 *       confidence is left as printed: a card whose printed sex or birth date contradicts its number is a finding
 *       to report (the validation report flags it), not a misreading to hide.
 *   <li>When the check character is wrong and exactly one uncertainly read character (probability below
 *       {@value #UNCERTAIN}) can be replaced so that the check character, the printed birth date and the printed
 *       sex all agree, and no other replacement does, that one is made ({@code ID_NUMBER_FROM_CHECK_DIGIT}).
 *       A number that fails its check with every character read confidently is left as it is (specimen cards
 *       fail their check on purpose).
 * </ul>
 *
 * <p>Pure and thread-safe.
 */
public final class FieldRectifier {
    /** A character read with less probability than this may be a misread. */
    static final float UNCERTAIN = 0.9f;

    private FieldRectifier() {}

    /** The fields after rectification, and what was changed. */
    public record Rectified(CardFields fields, List<FieldCorrection> corrections) {
        public Rectified {
            corrections = List.copyOf(corrections);
        }
    }

    public static Rectified rectify(ExtractedCard card) {
        CardFields fields = card.fields();
        List<FieldCorrection> corrections = new ArrayList<>(card.cleanups());
        if (fields.idNum().isEmpty()) {
            return new Rectified(fields, corrections);
        }
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(fields.idNum());
        if (id.isPresent() && !id.get().checkDigitValid()) {
            Optional<String> repaired = repairIdNumber(fields, card.reading(FieldName.ID_NUM)
                    .map(FieldReading::glyphs).orElse(List.of()));
            if (repaired.isPresent()) {
                corrections.add(new FieldCorrection(FieldName.ID_NUM, fields.idNum(), repaired.get(),
                        "ID_NUMBER_FROM_CHECK_DIGIT"));
                fields = fields.with(FieldName.ID_NUM, repaired.get());
                id = ResidentIdNumber.parse(repaired.get());
            }
        }
        if (id.isEmpty() || !id.get().checkDigitValid()) {
            return new Rectified(fields, corrections);
        }
        Optional<LocalDate> idBirth = id.get().birthDate();
        Optional<LocalDate> printedBirth = CardDates.parseBirth(fields.birth());
        if (idBirth.isPresent() && !printedBirth.equals(idBirth)
                && (printedBirth.isEmpty() || uncertain(card, FieldName.BIRTH))) {
            String returned = CardDates.formatBirth(idBirth.get());
            corrections.add(new FieldCorrection(FieldName.BIRTH, fields.birth(), returned, "BIRTH_FROM_ID_NUMBER"));
            fields = fields.with(FieldName.BIRTH, returned);
        }
        PrintedSex idSex = id.get().sex();
        PrintedSex printedSex = PrintedSex.fromPrinted(fields.sex());
        if (idSex != PrintedSex.UNKNOWN && printedSex != idSex
                && (printedSex == PrintedSex.UNKNOWN || uncertain(card, FieldName.SEX))) {
            corrections.add(new FieldCorrection(FieldName.SEX, fields.sex(), idSex.printed(), "SEX_FROM_ID_NUMBER"));
            fields = fields.with(FieldName.SEX, idSex.printed());
        }
        return new Rectified(fields, corrections);
    }

    /** Whether any character of the field was read with less probability than {@link #UNCERTAIN}. */
    static boolean uncertain(ExtractedCard card, FieldName field) {
        return card.reading(field).map(r -> r.glyphs().stream().anyMatch(g -> g.confidence() < UNCERTAIN))
                .orElse(true);
    }

    /**
     * The ID number that differs from the read one in a single uncertain character and agrees with its check
     * character. Candidates that also agree with the printed birth date and sex (where readable) come first; when
     * none does (some cards print a sex or birth date their number contradicts), those agreeing with the birth
     * date, then any. Among several, the one whose new character the recogniser itself found clearly most probable
     * in that place is taken ({@link MostSupported}); outside the first group a repair also needs that evidence.
     */
    static Optional<String> repairIdNumber(CardFields fields, List<Glyph> glyphs) {
        String read = fields.idNum();
        if (glyphs.size() != read.length()) {
            return Optional.empty();
        }
        Optional<LocalDate> printedBirth = CardDates.parseBirth(fields.birth());
        PrintedSex printedSex = PrintedSex.fromPrinted(fields.sex());
        List<List<String>> candidates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Float>> support = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < read.length(); i++) {
            if (glyphs.get(i).confidence() >= UNCERTAIN) {
                continue;
            }
            String alphabet = i == 17 ? "0123456789X" : "0123456789";
            for (char c : alphabet.toCharArray()) {
                String candidate = read.substring(0, i) + c + read.substring(i + 1);
                Optional<ResidentIdNumber> parsed = ResidentIdNumber.parse(candidate);
                if (c == read.charAt(i) || parsed.isEmpty() || !parsed.get().checkDigitValid()) {
                    continue;
                }
                boolean birthAgrees = printedBirth.isEmpty() || printedBirth.equals(parsed.get().birthDate());
                boolean sexAgrees = printedSex == PrintedSex.UNKNOWN || printedSex == parsed.get().sex();
                int group = birthAgrees && sexAgrees ? 0 : birthAgrees ? 1 : 2;
                candidates.get(group).add(candidate);
                support.get(group).add(glyphs.get(i).probabilityOf(String.valueOf(c)));
            }
        }
        for (int group = 0; group < 3; group++) {
            if (!candidates.get(group).isEmpty()) {
                return MostSupported.pick(candidates.get(group), support.get(group), group > 0);
            }
        }
        return Optional.empty();
    }
}
