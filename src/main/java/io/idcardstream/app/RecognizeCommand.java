package io.idcardstream.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idcardstream.engine.EngineSettings;
import io.idcardstream.engine.LocalIdCardRecognizer;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.ApiEnvelope;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recognize IMAGE}: runs the local engine on one image file and prints the IDCardOCR response exactly as
 * the API would ({@code {"Response": {...}}}, errors as {@code {"Response": {"Error": {...}}}}).
 */
@Command(
        name = "recognize",
        mixinStandardHelpOptions = true,
        description = {
            "Recognise one ID card image with the local engine (PP-OCRv4, offline) and print the IDCardOCR "
                    + "response as the API returns it.",
            "Exit code: 0 for a result, 1 for an error response, 2 for a usage error."
        })
final class RecognizeCommand implements Callable<Integer> {
    static final int ERROR_RESPONSE = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A PNG or JPEG file.")
    private Path image;

    @Option(names = "--side", paramLabel = "FRONT|BACK",
            description = "The side to read (the API's CardSide); omitted = the side the image shows.")
    private CardSide side;

    @Option(names = "--config", paramLabel = "JSON",
            description = "The API's Config JSON, e.g. '{\"CropIdCard\":true,\"Quality\":true}'.")
    private String config;

    @Option(names = "--no-rectify", description = "EnableRecognitionRectify=false: report the fields exactly as read.")
    private boolean noRectify;

    @Option(names = "--pretty", description = "Indent the JSON.")
    private boolean pretty;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Deadline of the recognition (default ${DEFAULT-VALUE} s; the model load comes first).")
    private long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode envelope;
        int exit;
        try {
            byte[] bytes = readImage();
            OcrOptions options = OcrOptions.fromConfigJson(config, noRectify ? Boolean.FALSE : null, null, null, null);
            EngineSettings settings = EngineSettings.DEFAULTS.withCallDeadline(Duration.ofSeconds(timeoutSeconds));
            try (LocalIdCardRecognizer recognizer = LocalIdCardRecognizer.create(settings, RecognizeCommand::noUrls)) {
                IdCardOcrResult result = recognizer
                        .recognize(new IdCardOcrRequest(new ImageSource.Inline(bytes), side, options))
                        .get();
                envelope = ApiEnvelope.success(result, result.providerRequestId());
                exit = 0;
            }
        } catch (OcrException e) {
            envelope = errorEnvelope(e);
            exit = ERROR_RESPONSE;
        } catch (ExecutionException e) {
            OcrException cause = e.getCause() instanceof OcrException ocr ? ocr
                    : new OcrException(ErrorCodes.UNKNOWN_ERROR, "the recognition failed unexpectedly", null);
            envelope = errorEnvelope(cause);
            exit = ERROR_RESPONSE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            envelope = errorEnvelope(new OcrException(ErrorCodes.CLIENT_TIMEOUT, "interrupted", null));
            exit = ERROR_RESPONSE;
        }
        out.println(pretty ? ApiEnvelope.pretty(envelope) : ApiEnvelope.compact(envelope));
        out.flush();
        return exit;
    }

    private byte[] readImage() throws OcrException {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            // The API's nearest answer to an image it cannot get.
            throw new OcrException(ErrorCodes.DOWNLOAD_ERROR, "cannot read the file " + image.getFileName(), null);
        }
    }

    private static ObjectNode errorEnvelope(OcrException e) {
        String requestId = e.providerRequestId() != null ? e.providerRequestId() : UUID.randomUUID().toString();
        return ApiEnvelope.error(e.code(), e.getMessage(), requestId);
    }

    /** The command reads files; it is never handed an ImageUrl. */
    private static byte[] noUrls(String url) throws ImageFetchException {
        throw new ImageFetchException(ImageFetchException.Reason.REFUSED, "recognize reads local files only");
    }
}
