package io.idcardstream.engine.fields;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines two readings of one card side (the first reading and the closer look at the straightened card) field by
 * field: each look misses different things (a row the detector did not box at one scale, a label it read at the
 * other), so neither reading is kept whole. For each field:
 * <ol>
 *   <li>a value of the field's form beats one that is not ({@link Completeness#wellFormed});
 *   <li>a value that holds all of the other's characters in order beats it (the other look lost characters, or a
 *       whole row of an address), when what it adds was read at least {@link #EXTRA_CHARACTER} surely (not a
 *       speck read as 所 before a name);
 *   <li>otherwise the value read with more confidence.
 * </ol>
 * Each field keeps its own reading, clean-ups and evidence. Pure and thread-safe.
 */
public final class FieldwiseMerge {
    private FieldwiseMerge() {}

    /** The two readings combined; {@code preferred} wins what the rules leave tied, and gives the frame. */
    public static ExtractedCard merge(ExtractedCard preferred, ExtractedCard other) {
        if (!other.found() || other.side() != preferred.side()) {
            return preferred;
        }
        CardFields fields = CardFields.EMPTY;
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        List<FieldCorrection> cleanups = new ArrayList<>();
        for (FieldName field : FieldName.values()) {
            if (field.side() != preferred.side()) {
                continue;
            }
            ExtractedCard from = other.fields().get(field).isEmpty() || prefers(preferred, other, field)
                    ? preferred : other;
            fields = fields.with(field, from.fields().get(field));
            from.reading(field).ifPresent(r -> readings.put(field, r));
            from.cleanups().stream().filter(c -> c.field() == field).forEach(cleanups::add);
        }
        List<DiscardedText> discarded = new ArrayList<>(preferred.discarded());
        return new ExtractedCard(preferred.side(), fields, readings, preferred.frame(), cleanups, discarded);
    }

    private static boolean prefers(ExtractedCard a, ExtractedCard b, FieldName field) {
        String va = a.fields().get(field), vb = b.fields().get(field);
        if (va.equals(vb)) {
            return true;
        }
        boolean fa = Completeness.wellFormed(field, va), fb = Completeness.wellFormed(field, vb);
        if (fa != fb) {
            return fa;
        }
        if (subsequence(vb, va) && surelyRead(extras(va, vb, a.reading(field)))) {
            return true;
        }
        if (subsequence(va, vb) && surelyRead(extras(vb, va, b.reading(field)))) {
            return false;
        }
        return confidence(a.reading(field)) >= confidence(b.reading(field));
    }

    /** A character one look read and the other did not counts only when read at least this surely. */
    static final float EXTRA_CHARACTER = 0.5f;

    private static boolean surelyRead(List<Float> confidences) {
        return confidences.stream().allMatch(c -> c >= EXTRA_CHARACTER);
    }

    /** The confidences of the characters of {@code longer} that {@code shorter} lacks (matched greedily, in order). */
    private static List<Float> extras(String longer, String shorter, Optional<FieldReading> reading) {
        List<PlaceNameRepair.Evidence> chars = PlaceNameRepair.evidence(longer, reading);
        int[] a = shorter.codePoints().toArray();
        List<Float> extras = new ArrayList<>();
        int i = 0;
        for (PlaceNameRepair.Evidence c : chars) {
            if (i < a.length && c.symbol().equals(Character.toString(a[i]))) {
                i++;
            } else {
                extras.add(c.confidence());
            }
        }
        return extras;
    }

    /** Whether every character of {@code shorter} appears in {@code longer}, in order. */
    static boolean subsequence(String shorter, String longer) {
        int[] a = shorter.codePoints().toArray(), b = longer.codePoints().toArray();
        int i = 0;
        for (int j = 0; j < b.length && i < a.length; j++) {
            if (a[i] == b[j]) {
                i++;
            }
        }
        return i == a.length;
    }

    private static double confidence(Optional<FieldReading> reading) {
        return reading.map(FieldReading::confidence).orElse(0f);
    }
}
