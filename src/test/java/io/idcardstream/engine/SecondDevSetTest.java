package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idcardstream.engine.labels.CardLabels;
import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second development set, {@code ../shared/datasets/idcards-dev2/} (20 images, read in place): the issue's
 * floor of 97% of its labelled fields exact, and no answer a client would choke on. Every side an image shows is
 * requested in turn; fields its labels leave out (hidden under a seal) are not scored. Failures name fields and
 * files only, never a value: even specimen data is treated as personal data.
 */
class SecondDevSetTest {
    static final Path DIR = Path.of("..", "shared", "datasets", "idcards-dev2");
    /** 107 fields are labelled; the issue asks for at least 97% of them. */
    static final int LABELLED = 107, AT_LEAST_EXACT = 104;
    /** The API's forms (tencent-api.md): Birth {@code 1987/1/1}, ValidDate {@code 2010.07.21-2020.07.21 | -长期}. */
    private static final Pattern BIRTH = Pattern.compile("\\d{4}/\\d{1,2}/\\d{1,2}");
    private static final Pattern VALID_DATE = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}-(\\d{4}\\.\\d{2}\\.\\d{2}|长期)");

    /** What one requested side came back as: its fields, or the error code when the call failed. */
    private record Answer(LabelledImage image, CardSide side, CardFields fields, String error) {
        String name() {
            return image.file().getFileName() + " " + side;
        }
    }

    private static final List<Answer> answers = new ArrayList<>();

    @BeforeAll
    static void recognizeEverySide() throws Exception {
        assumeTrue(Files.isRegularFile(DIR.resolve("labels.json")), "idcards-dev2 is not at " + DIR.toAbsolutePath());
        try (LocalIdCardRecognizer engine = new LocalIdCardRecognizer(
                EngineSettings.DEFAULTS.withCallDeadline(Duration.ofSeconds(30)), SharedModels.get(), url -> {
                    throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "no URLs in this test");
                })) {
            for (LabelledImage image : CardLabels.load(DIR.resolve("labels.json"))) {
                byte[] bytes = Files.readAllBytes(image.file());
                for (CardSide side : new TreeSet<>(image.expected().keySet())) {
                    try {
                        IdCardOcrResult result = engine.recognize(new IdCardOcrRequest(new ImageSource.Inline(bytes),
                                side, OcrOptions.DEFAULTS)).get(60, TimeUnit.SECONDS);
                        answers.add(new Answer(image, side, result.fields(), null));
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof OcrException ocr)) {
                            throw e;
                        }
                        answers.add(new Answer(image, side, CardFields.EMPTY, ocr.code()));
                    }
                }
            }
        }
    }

    @Test
    void shouldReadAtLeast104OfThe107LabelledFieldsExactly() {
        // Given every side of idcards-dev2 recognised as requested
        // When each labelled field is compared with what is printed
        Map<FieldName, int[]> perField = new EnumMap<>(FieldName.class); // exact, labelled
        List<String> misses = new ArrayList<>();
        int exact = 0, labelled = 0;
        for (Answer answer : answers) {
            for (FieldName field : answer.image().labelledFields(answer.side())) {
                int[] tally = perField.computeIfAbsent(field, f -> new int[2]);
                tally[1]++;
                labelled++;
                if (answer.fields().get(field).equals(answer.image().expected().get(answer.side()).get(field))) {
                    tally[0]++;
                    exact++;
                } else {
                    misses.add(answer.name() + " " + field + (answer.error() == null ? "" : " (" + answer.error()
                            + ")"));
                }
            }
        }
        // Then all 107 are scored and at least 104 are exact (97%)
        StringBuilder report = new StringBuilder("exact per field:");
        perField.forEach((field, tally) -> report.append(' ').append(field).append(' ').append(tally[0]).append('/')
                .append(tally[1]));
        report.append("; missed: ").append(misses);
        assertThat(labelled).as(report.toString()).isEqualTo(LABELLED);
        assertThat(exact).as(report.toString()).isGreaterThanOrEqualTo(AT_LEAST_EXACT);
    }

    @Test
    void shouldNeverAnswerABirthOrValidityOutsideTheApisFormats() {
        // Given every side of idcards-dev2 recognised as requested
        // When the dates answered are checked against the API's forms (empty: withheld, allowed)
        List<String> malformed = new ArrayList<>();
        for (Answer answer : answers) {
            String birth = answer.fields().birth(), validity = answer.fields().validDate();
            if (!birth.isEmpty() && !(BIRTH.matcher(birth).matches() && CardDates.parseBirth(birth).isPresent())) {
                malformed.add(answer.name() + " BIRTH");
            }
            if (!validity.isEmpty() && !(VALID_DATE.matcher(validity).matches()
                    && CardDates.parseValidity(validity).isPresent())) {
                malformed.add(answer.name() + " VALID_DATE");
            }
        }
        // Then none breaks them
        assertThat(malformed).as("answers whose dates break the API's formats").isEmpty();
    }
}
