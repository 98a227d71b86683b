package io.idcardstream.engine.labels;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One image of a labelled set (the dev set or a synthetic set) with its ground truth as the IDCardOCR API would
 * return it.
 *
 * @param variant the synthetic capture recipe, or the dev set's capture kind
 * @param readable false for images degraded on purpose beyond reading (the dev set's are all readable)
 * @param rotationCwToUpright per side, degrees to turn the image clockwise to make that side upright
 * @param expected per side shown, the fields the API returns for it (Birth as {@code 1987/1/1}; {@code ""} for an
 *     omitted field)
 * @param omitted fields of a shown side that the labels leave out because they are illegible in the image (a seal
 *     hides them): not scored, whatever is read there
 * @param idChecksumValid whether the printed ID number passes its check digit (empty for back-only images)
 */
public record LabelledImage(
        Path file,
        int width,
        int height,
        String variant,
        boolean readable,
        Map<CardSide, Integer> rotationCwToUpright,
        Map<CardSide, CardFields> expected,
        Set<FieldName> omitted,
        Optional<Boolean> idChecksumValid,
        List<String> tags) {

    public LabelledImage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(variant, "variant");
        rotationCwToUpright = Map.copyOf(rotationCwToUpright);
        expected = Map.copyOf(expected);
        omitted = Set.copyOf(omitted);
        Objects.requireNonNull(idChecksumValid, "idChecksumValid");
        tags = List.copyOf(tags);
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("expected must hold at least one side but was empty for " + file);
        }
    }

    public boolean shows(CardSide side) {
        return expected.containsKey(side);
    }

    /** The fields of {@code side} that the labels give, in the API's order: the ones to score. */
    public List<FieldName> labelledFields(CardSide side) {
        if (!shows(side)) {
            return List.of();
        }
        return Arrays.stream(FieldName.values()).filter(f -> f.side() == side && !omitted.contains(f)).toList();
    }

    /** Never prints field values: even specimen data is treated as personal data. */
    @Override
    public String toString() {
        return "LabelledImage[" + file.getFileName() + ", " + variant + ", sides=" + expected.keySet() + "]";
    }
}
