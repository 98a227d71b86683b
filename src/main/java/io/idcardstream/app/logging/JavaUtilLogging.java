package io.idcardstream.app.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging (ONNX Runtime's Java API, the JDK's HTTP client) into slf4j, so those records get the
 * configured format (one JSON object per line in containers) and the ID-number masking instead of bypassing both
 * on stderr. logback.xml's LevelChangePropagator keeps JUL's levels in step, so disabled levels cost nothing.
 */
public final class JavaUtilLogging {
    private JavaUtilLogging() {
    }

    /** Replaces JUL's console handler with the bridge; idempotent. */
    public static void routeToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
