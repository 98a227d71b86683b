package io.idcardstream.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.idcardstream.engine.rec.CharacterDictionary;
import io.idcardstream.engine.rec.RecognizerInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * The loaded PP-OCR sessions (detector, recogniser, direction classifier) and the character dictionary: the only
 * place the engine touches ONNX Runtime, so every other stage is a pure function on arrays.
 *
 * <p>Threading notes: create one per process and share it; {@link OrtSession#run} is thread-safe, so every method
 * may be called from any number of threads at once. The detector and the direction classifier, one run per image,
 * use {@code wholeImageThreads} ONNX Runtime threads, which sleep rather than spin between runs so they take no
 * CPU from their neighbours (a second thread on an idle core takes the 864 × 544 detector from ~104 to ~65 ms for
 * 10–15% more CPU); the recogniser uses one thread per run, because a card's lines are recognised in parallel
 * instead. Each calling thread keeps one direct input buffer of its own for all its runs. {@link #close} must only
 * be called once no call is in flight; the recogniser that owns this instance guarantees that.
 *
 * <p>Loading runs on a thread of its own with a large stack: ONNX Runtime 1.29.0's native initialisation parses
 * the process command line recursively (about 200 bytes of stack per character, measured here), so a JVM started
 * with a long {@code -cp} (4 KB and more) dies with SIGSEGV on the default 1 MB thread stack, without an error
 * file. Only the first use of the native library needs it; later calls run on any thread.
 */
public final class PpOcrModels implements AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession detector;
    private final OrtSession recognizer;
    private final OrtSession classifier;
    private final CharacterDictionary dictionary;
    private final ModelSet models;
    private final int recognizerClasses;
    /** One reusable input buffer per calling thread (engine workers and line helpers), grown to the largest input. */
    private final ThreadLocal<FloatBuffer> inputs = new ThreadLocal<>();

    private PpOcrModels(OrtEnvironment environment, OrtSession detector, OrtSession recognizer,
            OrtSession classifier, CharacterDictionary dictionary, ModelSet models) throws OrtException {
        this.environment = environment;
        this.detector = detector;
        this.recognizer = recognizer;
        this.classifier = classifier;
        this.dictionary = dictionary;
        this.models = models;
        long[] shape = ((ai.onnxruntime.TensorInfo) recognizer.getOutputInfo().values().iterator().next().getInfo())
                .getShape();
        this.recognizerClasses = (int) shape[shape.length - 1];
        if (recognizerClasses != dictionary.size()) {
            throw new IllegalStateException("the recogniser has " + recognizerClasses + " classes but the dictionary "
                    + dictionary.size() + " (blank + keys + space)");
        }
    }

    /**
     * Loads the models from the classpath and runs each once on a blank input, so the first request does not pay
     * for ONNX Runtime's first-run allocation.
     *
     * @param wholeImageThreads ONNX Runtime threads for one run of the detector or the direction classifier, at
     *     least 1
     * @throws IllegalStateException when a model resource is missing or ONNX Runtime cannot load it
     */
    public static PpOcrModels load(ModelSet models, int wholeImageThreads) {
        Objects.requireNonNull(models, "models");
        if (wholeImageThreads < 1) {
            throw new IllegalArgumentException("wholeImageThreads must be >= 1 but was " + wholeImageThreads);
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread loader = new Thread(null, () -> {
            try {
                outcome.set(loadHere(models, wholeImageThreads));
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "onnxruntime-load", loaderStackBytes());
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the OCR models", e);
        }
        Object result = outcome.get();
        if (result instanceof PpOcrModels loaded) {
            return loaded;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) result;
    }

    /** 64 MB plus 256 bytes per command-line character: room for ONNX Runtime's recursive command-line parse. */
    static long loaderStackBytes() {
        long commandLine = 0;
        try {
            commandLine = Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc is hidden: the fixed part covers any ordinary command line.
        }
        return (64L << 20) + 256L * commandLine;
    }

    private static PpOcrModels loadHere(ModelSet models, int wholeImageThreads) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession detector = null, recognizer = null, classifier = null;
        try (OrtSession.SessionOptions wholeImage = options(wholeImageThreads);
                OrtSession.SessionOptions perLine = options(1)) {
            detector = environment.createSession(resource(models.detector()), wholeImage);
            recognizer = environment.createSession(resource(models.recognizer()), perLine);
            classifier = environment.createSession(resource(models.classifier()), wholeImage);
            CharacterDictionary dictionary;
            try (InputStream keys = PpOcrModels.class.getResourceAsStream(models.keys())) {
                if (keys == null) {
                    throw new IllegalStateException("model resource " + models.keys() + " is not on the classpath");
                }
                dictionary = CharacterDictionary.read(keys);
            }
            PpOcrModels loaded = new PpOcrModels(environment, detector, recognizer, classifier, dictionary, models);
            loaded.warmUp();
            return loaded;
        } catch (OrtException | IOException | RuntimeException e) {
            closeQuietly(detector);
            closeQuietly(recognizer);
            closeQuietly(classifier);
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot load the OCR models: " + e.getMessage(), e);
        }
    }

    /** Sequential graphs, full optimisation, {@code threads} intra-op threads that block rather than spin. */
    private static OrtSession.SessionOptions options(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (threads > 1) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        return options;
    }

    private void warmUp() throws OrtException {
        detect(new float[3 * 320 * 320], 320, 320);
        recognize(new float[3 * RecognizerInput.HEIGHT * 320], 1, 320);
        classify(new float[3 * RecognizerInput.HEIGHT * RecognizerInput.CLASSIFIER_WIDTH], 1);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PpOcrModels.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + path + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    /**
     * Runs the DB detector.
     *
     * @param tensor [1, 3, height, width], see {@code DetectorInput}
     * @return the text probability map, row-major height × width
     */
    public float[] detect(float[] tensor, int width, int height) throws OrtException {
        return run(detector, tensor, new long[] {1, 3, height, width});
    }

    /**
     * Runs the recogniser on {@code batch} crops of the same tensor width.
     *
     * @return row-major [batch, steps, classes] probabilities; steps = length / (batch × classes)
     */
    public float[] recognize(float[] tensor, int batch, int width) throws OrtException {
        return run(recognizer, tensor, new long[] {batch, 3, RecognizerInput.HEIGHT, width});
    }

    /** Runs the direction classifier; returns [batch, 2] probabilities of 0° and 180°. */
    public float[] classify(float[] tensor, int batch) throws OrtException {
        return run(classifier, tensor,
                new long[] {batch, 3, RecognizerInput.HEIGHT, RecognizerInput.CLASSIFIER_WIDTH});
    }

    private float[] run(OrtSession session, float[] tensor, long[] shape) throws OrtException {
        FloatBuffer in = inputBuffer(tensor.length);
        in.put(tensor).flip();
        try (OnnxTensor input = OnnxTensor.createTensor(environment, in, shape);
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            if (output.hasArray() && output.arrayOffset() == 0 && output.position() == 0
                    && output.remaining() == output.array().length) {
                return output.array(); // already a fresh copy of the native output: no second copy
            }
            float[] values = new float[output.remaining()];
            output.get(values);
            return values;
        }
    }

    /**
     * This thread's direct buffer for model inputs, grown to {@code floats} when smaller, cleared. ONNX Runtime reads
     * a direct buffer in place, where a heap array would be copied into a newly allocated direct buffer on every
     * run (~3 ms for the detector's 8.5 MB input).
     */
    private FloatBuffer inputBuffer(int floats) {
        FloatBuffer buffer = inputs.get();
        if (buffer == null || buffer.capacity() < floats) {
            buffer = ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputs.set(buffer);
        }
        buffer.clear();
        return buffer;
    }

    /** The recogniser's classes: blank, keys, space. */
    public CharacterDictionary dictionary() {
        return dictionary;
    }

    /** Number of recogniser output classes (equals the dictionary size; checked at load). */
    public int recognizerClasses() {
        return recognizerClasses;
    }

    public ModelSet models() {
        return models;
    }

    /** The ONNX Runtime version, e.g. {@code 1.29.0}. */
    public String runtimeVersion() {
        return environment.getVersion();
    }

    @Override
    public void close() {
        closeQuietly(detector);
        closeQuietly(recognizer);
        closeQuietly(classifier);
    }

    /** Closes a session; a failure to release native memory is logged, never thrown over the caller's outcome. */
    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LoggerFactory.getLogger(PpOcrModels.class).warn("closing an ONNX session failed", e);
            }
        }
    }
}
