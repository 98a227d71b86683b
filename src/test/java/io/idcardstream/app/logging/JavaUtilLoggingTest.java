package io.idcardstream.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Records of java.util.logging (ONNX Runtime, the JDK) go through the production format and masking. */
class JavaUtilLoggingTest {

    @Test
    void shouldWriteJavaUtilLoggingRecordsAsMaskedJsonLines() throws Exception {
        // Given the production logback.xml in JSON format on the process-wide context, and the bridge installed
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.reset();
            context.putProperty("IDCARD_LOG_FORMAT", "JSON");
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JavaUtilLoggingTest.class.getResource("/logback.xml"));
            JavaUtilLogging.routeToSlf4j();

            // When a library logs through java.util.logging, above and below the configured level
            java.util.logging.Logger library = java.util.logging.Logger.getLogger("ai.onnxruntime.OrtEnvironment");
            library.warning("session for 440524198701010014 failed");
            library.fine("below INFO: dropped");
        } finally {
            SLF4JBridgeHandler.uninstall();
            context.reset();
            new ContextInitializer(context).autoConfig();
            System.setErr(originalErr);
        }

        // Then it is one JSON line with the library's logger name and the number masked
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output.lines()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\"")
                .contains("\"logger_name\":\"ai.onnxruntime.OrtEnvironment\"").contains("\"level\":\"WARN\"")
                .contains("session for **** failed"));
        assertThat(output).doesNotContain("440524198701010014").doesNotContain("dropped");
    }
}
