package io.idcardstream.engine.fields;

import io.idcardstream.identity.NationNames;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The nation is one of a closed list ({@link NationNames}), so a reading outside it can be put right when exactly
 * one name explains it, and the change is reported ({@value #REASON}):
 * <ul>
 *   <li>a name with characters the recogniser cannot emit at all (仫 of 仫佬 is missing from PP-OCR's dictionary,
 *       so 仫佬 is always read 佬): the reading equals a name without those characters;
 *   <li>a name with a stamp's character read glued before or after it (禁汉: a 禁止复印 seal beside the value);
 *   <li>one character read uncertainly (probability below {@link FieldRectifier#UNCERTAIN}) where a name of the
 *       same length differs in that character only (达翰尔 for 达斡尔); when several names do (潮龙: 崩龙 or 独龙),
 *       the one whose character the recogniser found clearly most probable there ({@link MostSupported}).
 * </ul>
 * A reading no name or two names equally explain, or a surely read one, stays as read.
 *
 * <p>Pure and thread-safe.
 */
public final class NationCompletion {
    static final String REASON = "NATION_FROM_LIST";

    private NationCompletion() {}

    /** @param readable whether the recogniser can emit a symbol (its dictionary) */
    public static ExtractedCard apply(ExtractedCard card, Predicate<String> readable) {
        Optional<FieldReading> reading = card.reading(FieldName.NATION);
        String read = card.fields().nation();
        if (card.side() != CardSide.FRONT || reading.isEmpty() || read.isEmpty() || NationNames.isKnown(read)) {
            return card;
        }
        List<String> candidates = new ArrayList<>();
        for (String name : NationNames.ALL) {
            if (!name.equals(read) && (withoutUnreadable(name, readable).equals(read) || withStampGlued(name, read))) {
                candidates.add(name);
            }
        }
        Optional<String> name = candidates.size() == 1 ? Optional.of(candidates.get(0))
                : candidates.isEmpty() ? oneUncertainCharacterOff(read, reading.get()) : Optional.empty();
        if (name.isEmpty()) {
            return card;
        }
        List<FieldCorrection> cleanups = new ArrayList<>(card.cleanups());
        cleanups.add(new FieldCorrection(FieldName.NATION, read, name.get(), REASON));
        return card.withFields(card.fields().with(FieldName.NATION, name.get()), cleanups);
    }

    /** Whether {@code read} is {@code name} with one stamp character glued before or after it (a seal's 禁). */
    private static boolean withStampGlued(String name, String read) {
        int[] r = read.codePoints().toArray();
        if (r.length != name.codePointCount(0, name.length()) + 1) {
            return false;
        }
        String first = Character.toString(r[0]), last = Character.toString(r[r.length - 1]);
        return (StampText.isStampCharacter(first) && read.substring(first.length()).equals(name))
                || (StampText.isStampCharacter(last) && read.substring(0, read.length() - last.length()).equals(name));
    }

    private static String withoutUnreadable(String name, Predicate<String> readable) {
        StringBuilder kept = new StringBuilder();
        name.codePoints().mapToObj(Character::toString).filter(readable).forEach(kept::append);
        return kept.toString();
    }

    private static Optional<String> oneUncertainCharacterOff(String read, FieldReading reading) {
        int[] symbols = read.codePoints().toArray();
        if (reading.glyphs().size() != symbols.length) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        List<Float> support = new ArrayList<>();
        for (String name : NationNames.ALL) {
            int[] printed = name.codePoints().toArray();
            if (printed.length != symbols.length) {
                continue;
            }
            int differing = -1, differences = 0;
            for (int i = 0; i < printed.length; i++) {
                if (printed[i] != symbols[i]) {
                    differing = i;
                    differences++;
                }
            }
            if (differences == 1 && reading.glyphs().get(differing).confidence() < FieldRectifier.UNCERTAIN) {
                candidates.add(name);
                support.add(reading.glyphs().get(differing).probabilityOf(Character.toString(printed[differing])));
            }
        }
        return MostSupported.pick(candidates, support, false);
    }
}
