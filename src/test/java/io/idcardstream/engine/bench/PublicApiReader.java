package io.idcardstream.engine.bench;

import io.idcardstream.engine.EngineSettings;
import io.idcardstream.engine.LocalIdCardRecognizer;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads a side of an image exactly as a user's {@code recognize IMAGE --side X} does: the local engine with its
 * defaults and a long call deadline (so slow cards are measured, not cut off), the image inline, the API's default
 * options. One call at a time.
 */
final class PublicApiReader implements AutoCloseable {

    static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    private final LocalIdCardRecognizer recognizer = LocalIdCardRecognizer.create(
            EngineSettings.DEFAULTS.withCallDeadline(CALL_DEADLINE), PublicApiReader::noUrls);

    Answer read(Path image, CardSide side) throws Exception {
        byte[] bytes = Files.readAllBytes(image);
        long start = System.nanoTime();
        try {
            IdCardOcrResult result = recognizer.recognize(
                    new IdCardOcrRequest(new ImageSource.Inline(bytes), side, OcrOptions.DEFAULTS))
                    .get(CALL_DEADLINE.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            Map<FieldName, Float> confidence = new EnumMap<>(FieldName.class);
            for (FieldEvidence evidence : result.evidence()) {
                confidence.put(evidence.field(), evidence.confidence());
            }
            return new Answer(result.fields(), confidence, null, System.nanoTime() - start);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof OcrException ocr)) {
                throw e;
            }
            return Answer.failed(ocr.code(), System.nanoTime() - start);
        }
    }

    private static byte[] noUrls(String url) throws ImageFetchException {
        throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "the accuracy run reads local files only");
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
