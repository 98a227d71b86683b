package io.idcardstream.engine.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a labels.json in the dev set's format ({@code ../shared/datasets/idcards-dev/labels.json}, and the synthetic
 * sets, which add {@code variant} and {@code readable}) into {@link LabelledImage}s whose files resolve next to
 * the labels file. Stateless.
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

    private static LabelledImage image(Path folder, JsonNode image) {
        String file = required(image, "file").asText();
        JsonNode conditions = image.path("conditions");
        Map<CardSide, Integer> rotation = new EnumMap<>(CardSide.class);
        conditions.path("rotation_cw_to_upright").fields()
                .forEachRemaining(e -> rotation.put(side(e.getKey()), e.getValue().asInt()));
        Map<CardSide, CardFields> expected = new EnumMap<>(CardSide.class);
        JsonNode truth = required(image, "ground_truth");
        JsonNode front = truth.path("front");
        Optional<Boolean> checksum = Optional.empty();
        if (front.isObject()) {
            String birth = CardDates.formatBirth(LocalDate.parse(required(front, "birth").asText()));
            expected.put(CardSide.FRONT, CardFields.front(text(front, "name"), text(front, "sex"),
                    text(front, "nation"), birth, text(front, "address"), text(front, "id_number")));
            checksum = Optional.of(required(front, "id_checksum_valid").asBoolean());
        }
        JsonNode back = truth.path("back");
        if (back.isObject()) {
            expected.put(CardSide.BACK, CardFields.back(text(back, "authority"), text(back, "valid_period")));
        }
        List<String> tags = new ArrayList<>();
        conditions.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new LabelledImage(folder.resolve(file), image.path("width").asInt(), image.path("height").asInt(),
                image.path("variant").asText(conditions.path("capture").asText()),
                image.path("readable").asBoolean(true), rotation, expected, checksum, tags);
    }

    private static CardSide side(String label) {
        return CardSide.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("labels entry must have \"" + field + "\" but it is missing");
        }
        return value;
    }
}
