package io.idcardstream.engine;

import io.idcardstream.engine.det.DbParams;
import io.idcardstream.engine.image.ImageLimits;
import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.ProviderDescription;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IDCardOCR on this machine: PP-OCRv4 on ONNX Runtime, with the API's fields, crops, warnings and error codes
 * (see {@link CardPipeline} for the stages).
 *
 * <p>Threading notes: thread-safe. Calls run on this recogniser's own pool of {@link EngineSettings#concurrency()}
 * threads behind a queue of {@link EngineSettings#queueCapacity()}; a call that finds the queue full fails at once
 * with {@code ClientOverloaded}, and every call completes within {@link EngineSettings#callDeadline()} (queueing
 * included), with {@code ClientTimeout} otherwise; the stages check the deadline so abandoned work stops early.
 * Each call may use {@link EngineSettings#threadsPerRecognition()} threads: its own and helpers of a shared pool
 * ({@code idcard-engine-line-N}) that recognise lines alongside it. The models are shared by all threads; their
 * detector's thread count is fixed when they are loaded ({@link #create} loads them with the same number). A
 * recogniser made by {@link #create} owns its models and closes them, one given {@link PpOcrModels} leaves them to
 * their owner. After {@link #close}, calls fail with {@code ServiceUnavailable}.
 */
public final class LocalIdCardRecognizer implements IdCardRecognizer {
    private static final Logger LOG = LoggerFactory.getLogger(LocalIdCardRecognizer.class);
    /** Largest side an image is decoded at (subsampled above): the detector works at 960, crops need no more. */
    static final int WORKING_LONG_SIDE = 2560;

    private final EngineSettings settings;
    private final PpOcrModels models;
    private final boolean ownsModels;
    private final ImageFetcher fetcher;
    private final SharedWork lineWork;
    private final CardPipeline pipeline;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService deadlines;
    private final Set<CompletableFuture<IdCardOcrResult>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A recogniser sharing already loaded models, which it does not close.
     *
     * @param fetcher downloads {@code ImageUrl} images (give it the guarded fetcher: size, time and address limits)
     */
    public LocalIdCardRecognizer(EngineSettings settings, PpOcrModels models, ImageFetcher fetcher) {
        this(settings, models, false, fetcher, Clock.systemUTC());
    }

    LocalIdCardRecognizer(EngineSettings settings, PpOcrModels models, boolean ownsModels, ImageFetcher fetcher,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.models = Objects.requireNonNull(models, "models");
        this.ownsModels = ownsModels;
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.lineWork = new SharedWork(settings.threadsPerRecognition(), settings.concurrency(),
                daemonThreads("idcard-engine-line-"));
        this.pipeline = new CardPipeline(new TextReader(models, DbParams.DEFAULTS, lineWork),
                new ImageLimits(settings.maxImageBytes(), settings.maxPixels(), WORKING_LONG_SIDE),
                new IdentityValidator(), Objects.requireNonNull(clock, "clock"));
        BlockingQueue<Runnable> queue = settings.queueCapacity() == 0
                ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queueCapacity());
        this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 0, TimeUnit.MILLISECONDS,
                queue, daemonThreads("idcard-engine-"), new ThreadPoolExecutor.AbortPolicy());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemonThreads("idcard-engine-deadline-"));
    }

    /** Loads the models (once, about a second) and returns a recogniser that owns and finally closes them. */
    public static LocalIdCardRecognizer create(EngineSettings settings, ImageFetcher fetcher) {
        PpOcrModels models = PpOcrModels.load(ModelSet.PP_OCR_V4, settings.threadsPerRecognition());
        return new LocalIdCardRecognizer(settings, models, true, fetcher, Clock.systemUTC());
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        Objects.requireNonNull(request, "request");
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<IdCardOcrResult> result = new CompletableFuture<>();
        if (closed.get()) {
            result.completeExceptionally(new OcrException(ErrorCodes.SERVICE_UNAVAILABLE,
                    "the local recogniser is closed", requestId));
            return result;
        }
        long deadlineNanos = settings.callDeadline().toNanos();
        Deadline deadline = Deadline.in(settings.callDeadline());
        pending.add(result);
        result.whenComplete((r, e) -> pending.remove(result));
        Runnable task = () -> run(request, requestId, deadline, result);
        Future<?> submitted;
        try {
            submitted = workers.submit(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new OcrException(ErrorCodes.CLIENT_OVERLOADED, "the local recogniser has "
                    + settings.queueCapacity() + " calls waiting already", requestId));
            return result;
        }
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            if (result.completeExceptionally(new OcrException(ErrorCodes.CLIENT_TIMEOUT, deadline.missedMessage(),
                    requestId))) {
                submitted.cancel(false);
                workers.purge();
            }
        }, deadlineNanos, TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> timer.cancel(false));
        return result;
    }

    private void run(IdCardOcrRequest request, String requestId, Deadline deadline,
            CompletableFuture<IdCardOcrResult> result) {
        if (result.isDone()) {
            return;
        }
        long start = System.nanoTime();
        try {
            byte[] image = bytes(request.image(), requestId);
            deadline.check();
            result.complete(pipeline.recognize(image, request.cardSide(), request.options(), deadline, requestId));
            LOG.debug("recognised request {} in {} ms", requestId, (System.nanoTime() - start) / 1_000_000);
        } catch (OcrException e) {
            OcrException withId = e.providerRequestId() != null ? e
                    : new OcrException(e.code(), e.getMessage(), requestId, e.getCause());
            result.completeExceptionally(withId);
            LOG.debug("request {} failed with {} after {} ms", requestId, e.code(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            // A bug, not a property of the image: report it as the API reports its own failures, and log it.
            LOG.error("request {} failed unexpectedly", requestId, e);
            result.completeExceptionally(new OcrException(ErrorCodes.UNKNOWN_ERROR,
                    "the local recogniser failed unexpectedly", requestId, e));
        }
    }

    private byte[] bytes(ImageSource source, String requestId) throws OcrException {
        if (source instanceof ImageSource.Inline inline) {
            return inline.bytes();
        }
        String url = ((ImageSource.Url) source).url();
        try {
            return fetcher.fetch(url);
        } catch (ImageFetchException e) {
            String code = e.reason() == ImageFetchException.Reason.TOO_LARGE
                    ? ErrorCodes.IMAGE_SIZE_TOO_LARGE : ErrorCodes.DOWNLOAD_ERROR;
            throw new OcrException(code, "the image could not be downloaded: " + e.getMessage(), requestId, e);
        }
    }

    @Override
    public ProviderDescription description() {
        String version = LocalIdCardRecognizer.class.getPackage().getImplementationVersion();
        return new ProviderDescription("local", null,
                "idcard-stream engine " + (version == null ? "dev" : version) + ", onnxruntime "
                        + models.runtimeVersion(),
                models.models().description());
    }

    /** The settings this recogniser runs with. */
    public EngineSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        workers.shutdownNow();
        deadlines.shutdownNow();
        lineWork.close();
        for (CompletableFuture<IdCardOcrResult> call : pending) {
            call.completeExceptionally(new OcrException(ErrorCodes.SERVICE_UNAVAILABLE,
                    "the local recogniser was closed", null));
        }
        boolean idle = false;
        try {
            // A model run cannot be interrupted; the sessions may only go once no run uses them.
            idle = workers.awaitTermination(settings.callDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsModels && idle) {
            models.close();
        } else if (ownsModels) {
            LOG.warn("recognitions still running {} ms after close; leaving the models open rather than closing "
                    + "them under a running model", settings.callDeadline().toMillis());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
