package io.idcardstream.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.ApiEnvelope;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /}: one IDCardOCR call in the Tencent Cloud API 3.0 protocol. Every answer is HTTP 200 with
 * {@code Content-Type: application/json} and the {@code {"Response":{…,"RequestId"}}} envelope, a fresh UUID
 * each time. Checks, in order: method and body size; TC3 signature ({@link Tc3Verifier}); {@code X-TC-Action}
 * and {@code X-TC-Version}; the SecretId's rate ({@code RequestLimitExceeded}); the body
 * ({@link ApiRequestParser}); a free place among {@code queueCapacity} admitted requests (else
 * {@code RequestLimitExceeded} at once, with a message saying the server is busy: the rate-limit code tells
 * every client to slow down, which is what an overloaded server needs). Then the image is decoded or
 * downloaded ({@code FailedOperation.DownLoadError}, {@code FailedOperation.ImageSizeTooLarge}), recognised,
 * and answered.
 *
 * <p>Logs carry coordinates only (RequestId, masked SecretId, code, latency), never images, URLs, fields or keys.
 *
 * <p>Threading notes: {@link #handle} runs on the HTTP worker threads and returns as soon as the request is
 * admitted; downloads run on {@code fetchExecutor}, recognition on the recogniser's threads, and answers are
 * written on {@code answerExecutor}, so a slow image host or recogniser never holds a worker.
 */
final class ApiHandler implements HttpHandler {
    static final String ACTION = "IDCardOCR";
    static final String VERSION = "2018-11-19";
    /** Common error codes (tencent-api.md 1.4) that the worker's error table does not need. */
    static final String UNSUPPORTED_REGION = "UnsupportedRegion";
    static final String UNSUPPORTED_OPERATION = "UnsupportedOperation";

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    /** Regions where Tencent offers IDCardOCR (its region list for the action); X-TC-Region must be one. */
    static final List<String> REGIONS =
            List.of("ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-shanghai", "ap-singapore");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");

    private final ServerSettings settings;
    private final Tc3Verifier verifier;
    private final PerKeyRateLimiter rateLimiter;
    private final ApiRequestParser parser = new ApiRequestParser();
    private final IdCardRecognizer recognizer;
    private final ImageFetcher fetcher;
    private final Semaphore admission;
    private final Executor fetchExecutor;
    private final Executor answerExecutor;
    private final ServerMetrics metrics;
    private volatile boolean closing;

    ApiHandler(ServerSettings settings, Tc3Verifier verifier, PerKeyRateLimiter rateLimiter,
               IdCardRecognizer recognizer, ImageFetcher fetcher, Semaphore admission, Executor fetchExecutor,
               Executor answerExecutor, ServerMetrics metrics) {
        this.settings = settings;
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.recognizer = recognizer;
        this.fetcher = fetcher;
        this.admission = admission;
        this.fetchExecutor = fetchExecutor;
        this.answerExecutor = answerExecutor;
        this.metrics = metrics;
    }

    /** From now on new requests are refused as busy; those admitted are still answered. */
    void startClosing() {
        closing = true;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String path = exchange.getRequestURI().getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            // The envelope, so whoever reads it learns where the API is; 404, because nothing is at this path.
            answer(exchange, 404, ApiEnvelope.error(UNSUPPORTED_OPERATION, "Not found: the API is "
                    + "served at / (POST with a JSON body, or GET with query parameters).", requestId),
                    UNSUPPORTED_OPERATION, requestId, null, start);
            return;
        }
        String secretId = null;
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("POST") && !method.equals("GET")) {
                throw new OcrException(ErrorCodes.UNSUPPORTED_PROTOCOL,
                        "This server supports the API only as POST / with a JSON body or GET / with query "
                                + "parameters.", null);
            }
            boolean get = method.equals("GET");
            byte[] body = get ? new byte[0] : readBody(exchange);
            String rawQuery = get ? Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "") : "";
            Headers headers = exchange.getRequestHeaders();
            secretId = verifier.verify(method, rawQuery, headers::getFirst, body);
            checkActionAndVersion(headers);
            checkRegion(headers.getFirst("X-TC-Region"));
            if (!rateLimiter.tryAcquire(secretId)) {
                throw new OcrException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, "Your SecretId made more than "
                        + rateLimiter.rps() + " requests per second. Please retry later.", null);
            }
            ApiRequest request = get ? parser.parseQuery(rawQuery) : parser.parse(body);
            if (closing || !admission.tryAcquire()) {
                throw new OcrException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, closing
                        ? "The server is shutting down. Please retry later."
                        : "The server is busy: " + settings.queueCapacity()
                                + " requests are already waiting. Please retry later.", null);
            }
            admitted(exchange, request, requestId, secretId, start);
        } catch (OcrException e) {
            answer(exchange, ApiEnvelope.error(e.code(), e.getMessage(), requestId), e.code(), requestId, secretId,
                    start);
        } catch (IOException e) {
            log.atInfo().addKeyValue("requestId", requestId)
                    .log("requestId={} client went away or missed its deadline while sending: {}", requestId,
                            e.getClass().getSimpleName());
            exchange.close();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("requestId", requestId)
                    .log("requestId={} failed before admission: {}", requestId, e.getClass().getName());
            answer(exchange, ApiEnvelope.error(ErrorCodes.INTERNAL_ERROR, "Internal error.", requestId),
                    ErrorCodes.INTERNAL_ERROR, requestId, secretId, start);
        }
    }

    /**
     * {@code X-TC-Region}, when given, must be a region where IDCardOCR is offered. It may be left out: the
     * SDKs send none when the client has no region, and Tencent's current documentation calls it optional for
     * this action (the seed lists it as required; refusing its absence would refuse those SDK users).
     */
    private static void checkRegion(String region) throws OcrException {
        if (region != null && !region.isBlank() && !REGIONS.contains(region.trim())) {
            throw new OcrException(UNSUPPORTED_REGION, "The region `" + clip(region.trim())
                    + "` is not supported by " + ACTION + "; supported: " + String.join(", ", REGIONS) + ".", null);
        }
    }

    private void admitted(HttpExchange exchange, ApiRequest request, String requestId, String secretId,
                          long start) {
        CompletableFuture<IdCardOcrResult> result;
        try {
            result = image(request)
                    .thenCompose(bytes -> recognizer.recognize(
                            new IdCardOcrRequest(new ImageSource.Inline(bytes), request.cardSide(), request.options())))
                    .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenCompleteAsync((recognised, failure) -> {
            // The place is given back only once the answer is written: closing waits for every place, and must
            // not close a connection whose answer is still on its way.
            try {
                if (failure == null) {
                    answer(exchange, ApiEnvelope.success(recognised, requestId), ServerMetrics.SUCCESS, requestId,
                            secretId, start);
                } else {
                    OcrException error = toApiError(failure, requestId);
                    answer(exchange, ApiEnvelope.error(error.code(), error.getMessage(), requestId), error.code(),
                            requestId, secretId, start);
                }
            } finally {
                admission.release();
            }
        }, answerExecutor);
    }

    /** The image bytes: decoded here, or downloaded on the fetch threads. */
    private CompletableFuture<byte[]> image(ApiRequest request) {
        if (request.imageBase64() != null) {
            byte[] bytes;
            try {
                // Strict: the MIME decoder skips characters outside the alphabet, so "!!!" became an empty image.
                // Line breaks are the one thing tolerated (MIME-style encoders wrap at 76 characters).
                bytes = Base64.getDecoder().decode(LINE_BREAKS.matcher(request.imageBase64()).replaceAll(""));
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new OcrException(ErrorCodes.IMAGE_DECODE_FAILED,
                        "ImageBase64 is not valid Base64 (RFC 4648 alphabet, padded or not).", null));
            }
            return bytes.length == 0
                    ? CompletableFuture.failedFuture(new OcrException(ErrorCodes.EMPTY_IMAGE, "The image is empty.", null))
                    : CompletableFuture.completedFuture(bytes);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] bytes = fetcher.fetch(request.imageUrl());
                if (bytes.length == 0) {
                    throw new CompletionException(new OcrException(ErrorCodes.EMPTY_IMAGE,
                            "The image at ImageUrl is empty.", null));
                }
                return bytes;
            } catch (ImageFetchException e) {
                throw new CompletionException(e);
            }
        }, fetchExecutor);
    }

    private OcrException toApiError(Throwable failure, String requestId) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof OcrException ocr) {
            return apiError(ocr);
        }
        if (cause instanceof ImageFetchException fetch) {
            // A file over the size limit is LimitExceeded.TooLargeFileError; FailedOperation.ImageSizeTooLarge is
            // left to the recogniser, for an image whose pixel dimensions are too large to decode.
            String code = fetch.reason() == ImageFetchException.Reason.TOO_LARGE
                    ? ErrorCodes.TOO_LARGE_FILE : ErrorCodes.DOWNLOAD_ERROR;
            return new OcrException(code, fetch.getMessage(), null);
        }
        if (cause instanceof TimeoutException) {
            return new OcrException(ErrorCodes.INTERNAL_ERROR, "The request did not finish within "
                    + settings.requestTimeout().toMillis() + " ms.", null);
        }
        log.atError().addKeyValue("requestId", requestId)
                .log("requestId={} recognition failed unexpectedly: {}", requestId, cause.getClass().getName());
        return new OcrException(ErrorCodes.INTERNAL_ERROR, "Internal error.", null);
    }

    /**
     * The recogniser's error as the API states it: API codes pass through; this project's client-side codes
     * (a recogniser's own queue full or deadline missed, or an upstream that could not be reached) are not API
     * codes, so they become {@code RequestLimitExceeded} and {@code InternalError}.
     */
    private static OcrException apiError(OcrException error) {
        return switch (error.code()) {
            case ErrorCodes.CLIENT_OVERLOADED -> new OcrException(ErrorCodes.REQUEST_LIMIT_EXCEEDED,
                    "The recogniser is busy. Please retry later.", null);
            case ErrorCodes.CLIENT_TIMEOUT -> new OcrException(ErrorCodes.INTERNAL_ERROR,
                    "The recognition did not finish within its deadline.", null);
            case ErrorCodes.CLIENT_NETWORK_ERROR, ErrorCodes.CLIENT_PROTOCOL_ERROR, ErrorCodes.SERVER_SIDE_ERROR,
                    ErrorCodes.CLIENT_SIDE_ERROR -> new OcrException(ErrorCodes.INTERNAL_ERROR, "Internal error.", null);
            default -> error;
        };
    }

    private static void checkActionAndVersion(Headers headers) throws OcrException {
        String action = headers.getFirst("X-TC-Action");
        if (action == null || action.isBlank()) {
            throw new OcrException(ErrorCodes.MISSING_PARAMETER,
                    "The request is missing the required header X-TC-Action.", null);
        }
        if (!action.trim().equals(ACTION)) {
            throw new OcrException(ErrorCodes.INVALID_ACTION, "The action `" + clip(action.trim())
                    + "` is not supported; this server provides " + ACTION + ".", null);
        }
        String version = headers.getFirst("X-TC-Version");
        if (version == null || version.isBlank()) {
            throw new OcrException(ErrorCodes.MISSING_PARAMETER,
                    "The request is missing the required header X-TC-Version.", null);
        }
        if (!version.trim().equals(VERSION)) {
            throw new OcrException(ErrorCodes.NO_SUCH_VERSION, "The API version `" + clip(version.trim())
                    + "` does not exist; " + ACTION + " is version " + VERSION + ".", null);
        }
    }

    /**
     * Reads the body, refusing more than {@code maxBodyBytes}: a declared length over it is refused before a
     * byte of the body is read (the connection then drops what the client still sends, so it reads the answer).
     */
    private byte[] readBody(HttpExchange exchange) throws IOException, OcrException {
        Object framingError = exchange.getAttribute(Http1Server.FRAMING_ERROR);
        if (framingError != null) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER, framingError.toString(), null);
        }
        int max = settings.maxBodyBytes();
        long declared = exchange instanceof Http1Exchange http1 ? http1.declaredLength() : -1;
        if (declared > max) {
            throw tooLarge(max);
        }
        byte[] body = exchange.getRequestBody().readNBytes(max + 1);
        if (body.length > max) {
            throw tooLarge(max);
        }
        return body;
    }

    private static OcrException tooLarge(int max) {
        return new OcrException(ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED,
                "The request body is larger than " + max + " bytes.", null);
    }

    private void answer(HttpExchange exchange, ObjectNode envelope, String code, String requestId, String secretId,
                        long start) {
        answer(exchange, 200, envelope, code, requestId, secretId, start);
    }

    private void answer(HttpExchange exchange, int status, ObjectNode envelope, String code, String requestId,
                        String secretId, long start) {
        byte[] bytes = ApiEnvelope.compact(envelope).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // Answers carry personal data (fields, crops): no cache may keep them, and no browser may read them
            // as anything but JSON (the try page reads them in the browser).
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            // One request per connection: on a kept-alive connection Linux delays the ACK of the request's first
            // segment (interactive mode) while the SDK's OkHttp 3, which does not set TCP_NODELAY, holds the rest
            // of the body back under Nagle's algorithm: a 40 ms stall per call (BENCHMARKS.md). A new connection
            // starts in quick-ACK mode; its handshake costs far less.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            log.atInfo().addKeyValue("requestId", requestId)
                    .log("requestId={} client went away before the answer: {}", requestId,
                            e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
        long nanos = System.nanoTime() - start;
        metrics.answered(code, nanos);
        long latencyMs = Duration.ofNanos(nanos).toMillis();
        log.atInfo().addKeyValue("requestId", requestId).addKeyValue("secretId", mask(secretId))
                .addKeyValue("code", code).addKeyValue("latencyMs", latencyMs)
                .log("requestId={} secretId={} code={} latencyMs={}", requestId, mask(secretId), code, latencyMs);
    }

    /** SecretIds are not secrets, but logs only need enough to tell them apart. */
    private static String mask(String secretId) {
        if (secretId == null) {
            return "-";
        }
        return secretId.length() <= 8 ? secretId : secretId.substring(0, 8) + "…";
    }

    private static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
