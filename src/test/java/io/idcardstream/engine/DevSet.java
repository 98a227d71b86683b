package io.idcardstream.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The public specimen images in {@code ../shared/datasets/idcards-dev/} (read in place, never copied into the
 * repository) and their ground truth from {@code labels.json}. Tests that need them are skipped, with a message
 * saying so, only where that folder is absent.
 */
public final class DevSet {
    public static final Path DIR = Path.of("..", "shared", "datasets", "idcards-dev");

    private DevSet() {}

    public static byte[] bytes(String file) {
        assumeTrue(Files.isDirectory(DIR), "the development images are not at " + DIR.toAbsolutePath());
        try {
            return Files.readAllBytes(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of one side of one image as the API would return them, from labels.json. */
    public static CardFields expected(String file, CardSide side) {
        JsonNode truth = image(file).path("ground_truth").path(side.name().toLowerCase(java.util.Locale.ROOT));
        if (truth.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no " + side + " in labels.json");
        }
        if (side == CardSide.FRONT) {
            return CardFields.front(truth.get("name").asText(), truth.get("sex").asText(), truth.get("nation").asText(),
                    CardDates.formatBirth(LocalDate.parse(truth.get("birth").asText())), truth.get("address").asText(),
                    truth.get("id_number").asText());
        }
        return CardFields.back(truth.get("authority").asText(), truth.get("valid_period").asText());
    }

    private static JsonNode image(String file) {
        bytes("labels.json");
        try {
            for (JsonNode image : new ObjectMapper().readTree(DIR.resolve("labels.json").toFile()).get("images")) {
                if (image.get("file").asText().equals(file)) {
                    return image;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(file + " is not in labels.json");
    }
}
