package io.idcardstream.engine.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a labels.json in the dev set's format ({@code ../shared/datasets/idcards-dev/labels.json}, and the synthetic
 * sets, which add {@code variant} and {@code readable}) into {@link LabelledImage}s whose files resolve next to
 * the labels file. A field left out of a side's ground truth is omitted (idcards-dev2 leaves out what a seal hides
 * completely) and is not scored. Stateless.
 */
public final class CardLabels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CardLabels() {
    }

    public static List<LabelledImage> load(Path labelsJson) throws IOException {
        JsonNode root = JSON.readTree(labelsJson.toFile());
        JsonNode images = root.path("images");
        if (!images.isArray() || images.isEmpty()) {
            throw new IllegalArgumentException("labels file must hold a non-empty \"images\" array: " + labelsJson);
        }
        Path folder = labelsJson.toAbsolutePath().getParent();
        List<LabelledImage> out = new ArrayList<>();
        for (JsonNode image : images) {
            out.add(image(folder, image));
        }
        return List.copyOf(out);
    }

    /** Whether the labels were written by the synthetic card generator (they name it under {@code generator}). */
    public static boolean generated(Path labelsJson) throws IOException {
        return JSON.readTree(labelsJson.toFile()).has("generator");
    }

    private static LabelledImage image(Path folder, JsonNode image) {
        String file = required(image, "file").asText();
        JsonNode conditions = image.path("conditions");
        Map<CardSide, Integer> rotation = new EnumMap<>(CardSide.class);
        conditions.path("rotation_cw_to_upright").fields()
                .forEachRemaining(e -> rotation.put(side(e.getKey()), e.getValue().asInt()));
        Map<CardSide, CardFields> expected = new EnumMap<>(CardSide.class);
        Set<FieldName> omitted = EnumSet.noneOf(FieldName.class);
        JsonNode truth = required(image, "ground_truth");
        JsonNode front = truth.path("front");
        Optional<Boolean> checksum = Optional.empty();
        if (front.isObject()) {
            String birth = optional(front, "birth", FieldName.BIRTH, omitted)
                    .map(iso -> CardDates.formatBirth(LocalDate.parse(iso))).orElse("");
            expected.put(CardSide.FRONT, CardFields.front(optional(front, "name", FieldName.NAME, omitted).orElse(""),
                    optional(front, "sex", FieldName.SEX, omitted).orElse(""),
                    optional(front, "nation", FieldName.NATION, omitted).orElse(""), birth,
                    optional(front, "address", FieldName.ADDRESS, omitted).orElse(""),
                    optional(front, "id_number", FieldName.ID_NUM, omitted).orElse("")));
            if (!omitted.contains(FieldName.ID_NUM)) {
                checksum = Optional.of(required(front, "id_checksum_valid").asBoolean());
            }
        }
        JsonNode back = truth.path("back");
        if (back.isObject()) {
            expected.put(CardSide.BACK, CardFields.back(
                    optional(back, "authority", FieldName.AUTHORITY, omitted).orElse(""),
                    optional(back, "valid_period", FieldName.VALID_DATE, omitted).orElse("")));
        }
        List<String> tags = new ArrayList<>();
        conditions.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new LabelledImage(folder.resolve(file), image.path("width").asInt(), image.path("height").asInt(),
                image.path("variant").asText(conditions.path("capture").asText()),
                image.path("readable").asBoolean(true), rotation, expected, omitted, checksum, tags);
    }

    private static CardSide side(String label) {
        return CardSide.valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The field's label, or empty with the field recorded as omitted when the side's ground truth leaves it out. */
    private static Optional<String> optional(JsonNode side, String key, FieldName field, Set<FieldName> omitted) {
        JsonNode value = side.get(key);
        if (value == null || value.isNull()) {
            omitted.add(field);
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("labels entry must have \"" + field + "\" but it is missing");
        }
        return value;
    }
}
