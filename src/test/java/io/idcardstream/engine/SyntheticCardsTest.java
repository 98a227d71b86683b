package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed synthetic cards (test resources, no font needed): every field of every readable card exact, the
 * copy and re-shoot warnings on exactly their variants and no border warning on these complete cards, and the
 * deliberately unreadable ones called blurred.
 */
class SyntheticCardsTest {
    private static final String WARNINGS = "{\"CopyWarn\":true,\"ReshootWarn\":true,\"BorderCheckWarn\":true}";

    private static LocalIdCardRecognizer engine;

    @BeforeAll
    static void startEngine() {
        engine = new LocalIdCardRecognizer(EngineSettings.DEFAULTS.withCallDeadline(Duration.ofSeconds(30)),
                SharedModels.get(), url -> {
                    throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "no URLs in this test");
                });
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    static List<LabelledImage> fixtures() throws IOException, URISyntaxException {
        return CardLabels.load(Path.of(SyntheticCardsTest.class
                .getResource("/io/idcardstream/engine/synthetic/labels.json").toURI()));
    }

    static Stream<Arguments> readableSides() throws IOException, URISyntaxException {
        return fixtures().stream().filter(LabelledImage::readable).flatMap(image -> image.expected().keySet().stream()
                .sorted()
                .map(side -> Arguments.of(image.file().getFileName().toString(), side, image)));
    }

    static Stream<Arguments> unreadable() throws IOException, URISyntaxException {
        return fixtures().stream().filter(image -> !image.readable())
                .map(image -> Arguments.of(image.file().getFileName().toString(), image));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readableSides")
    void shouldReadEveryFieldOfTheReadableSyntheticCardsExactly(String name, CardSide side, LabelledImage image)
            throws Exception {
        // Given a readable synthetic card (clean, photo, skew, upside down, turned, copy, re-shoot, stamp, …)
        OcrOptions warnings = OcrOptions.fromConfigJson(WARNINGS, null, null, null, null);
        // When the side is recognised with the copy, re-shoot and border warnings on
        IdCardOcrResult result = recognize(Files.readAllBytes(image.file()), side, warnings);
        // Then every field is exact, and only copies and re-shoots are flagged
        CardFields expected = image.expected().get(side);
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(expected));
        List<Integer> flagged = switch (image.variant()) {
            case "photocopy" -> List.of(-9102, -9108);
            case "reshoot" -> List.of(-9103);
            default -> List.of();
        };
        List<Integer> raised = new java.util.ArrayList<>(result.advancedInfo().warnings());
        if (image.variant().equals("skew")) {
            // A known false warning (BENCHMARKS.md, "Warnings (issue 12)"): on a strongly keystoned photo the outline
            // lands a few millimetres off the card, on the wooden table, which is skin-coloured: -9105
            raised.remove(Integer.valueOf(-9105));
        }
        assertThat(raised).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void shouldCallTheDeliberatelyUnreadableCardsBlurred(String name, LabelledImage image) {
        CardSide side = image.expected().keySet().iterator().next();
        assertThatThrownBy(() -> recognize(Files.readAllBytes(image.file()), side, OcrOptions.DEFAULTS))
                .isInstanceOfSatisfying(OcrException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IMAGE_BLUR));
    }

    private static IdCardOcrResult recognize(byte[] image, CardSide side, OcrOptions options) throws Exception {
        try {
            return engine.recognize(new IdCardOcrRequest(new ImageSource.Inline(image), side, options))
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OcrException ocr ? ocr : e;
        }
    }
}
