package io.idcardstream.engine;

/**
 * The OCR models, loaded once for the whole test run (about a second) and shared by every test class that needs
 * them, as production shares one instance per process (with the default threads per recognition). Never closed: the
 * JVM's exit releases them.
 */
public final class SharedModels {
    private static PpOcrModels models;

    private SharedModels() {}

    public static synchronized PpOcrModels get() {
        if (models == null) {
            models = PpOcrModels.load(ModelSet.PP_OCR_V4, EngineSettings.DEFAULTS.threadsPerRecognition());
        }
        return models;
    }
}
