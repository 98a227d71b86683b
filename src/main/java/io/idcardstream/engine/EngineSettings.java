package io.idcardstream.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the local recogniser runs. Validated on construction.
 *
 * @param concurrency recognitions running at once (CPU-bound: concurrency × threadsPerRecognition should not exceed
 *     the cores to spare)
 * @param queueCapacity recognitions waiting for a thread; a call beyond that fails at once with
 *     {@code ClientOverloaded}
 * @param callDeadline the longest a call may take, queueing included; a late call fails with {@code ClientTimeout}
 * @param maxImageBytes the largest image accepted, in bytes. The API's limit is 6 MB of base64 text
 *     ({@value #API_BASE64_LIMIT} characters), which is {@value #API_RAW_LIMIT} bytes of image: the default
 * @param maxPixels the largest width × height accepted, read from the header before decoding (decompression-bomb
 *     guard). The default, 40 megapixels, admits every phone camera's full-resolution JPEG
 * @param threadsPerRecognition threads one recognition may use: the detector and the direction classifier run on
 *     this many ONNX Runtime threads, and a card's lines are recognised this many at a time. The default, 2, lets
 *     one recognition use both cores of a 2-core machine; with {@code concurrency} already filling the cores, 1
 */
public record EngineSettings(int concurrency, int queueCapacity, Duration callDeadline, long maxImageBytes,
        long maxPixels, int threadsPerRecognition) {

    /** 6 MiB of base64 characters: IDCardOCR's ImageBase64 limit. */
    public static final long API_BASE64_LIMIT = 6L * 1024 * 1024;
    /** The image bytes that encode to {@link #API_BASE64_LIMIT} base64 characters (3 bytes per 4 characters). */
    public static final long API_RAW_LIMIT = API_BASE64_LIMIT / 4 * 3;

    public static final EngineSettings DEFAULTS =
            new EngineSettings(1, 32, Duration.ofSeconds(10), API_RAW_LIMIT, 40_000_000L, 2);

    public EngineSettings {
        Objects.requireNonNull(callDeadline, "callDeadline");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be >= 0 but was " + queueCapacity);
        }
        if (callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("callDeadline must be > 0 but was " + callDeadline);
        }
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("maxImageBytes must be >= 1 but was " + maxImageBytes);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1 but was " + maxPixels);
        }
        if (threadsPerRecognition < 1) {
            throw new IllegalArgumentException("threadsPerRecognition must be >= 1 but was " + threadsPerRecognition);
        }
    }

    public EngineSettings withCallDeadline(Duration deadline) {
        return new EngineSettings(concurrency, queueCapacity, deadline, maxImageBytes, maxPixels,
                threadsPerRecognition);
    }

    public EngineSettings withConcurrency(int threads) {
        return new EngineSettings(threads, queueCapacity, callDeadline, maxImageBytes, maxPixels,
                threadsPerRecognition);
    }

    public EngineSettings withThreadsPerRecognition(int threads) {
        return new EngineSettings(concurrency, queueCapacity, callDeadline, maxImageBytes, maxPixels, threads);
    }

    public EngineSettings withQueueCapacity(int capacity) {
        return new EngineSettings(concurrency, capacity, callDeadline, maxImageBytes, maxPixels, threadsPerRecognition);
    }
}
