package io.idcardstream.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production logback.xml, in both formats, never prints an ID number. */
class LogMaskingTest {

    private static String logWith(String format) throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.putProperty("IDCARD_LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogMaskingTest.class.getResource("/logback.xml"));
            var log = context.getLogger("probe");
            log.info("number {} and 11010519900101103X", "440524198701010014");
            log.warn("failed", new IllegalStateException("rejected 440524198701010014 (old 440524870101001)"));
            log.atWarn().addKeyValue("topic", "idcard.ocr.requests").addKeyValue("partition", 3)
                    .addKeyValue("offset", 42L).addKeyValue("subject", "440524198701010014")
                    .log("Undecodable request record at {}-{}@{}", "idcard.ocr.requests", 3, 42L);
        } finally {
            context.stop();
            System.setErr(originalErr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEXT", "JSON"})
    void shouldMaskIdNumbersInMessagesArgumentsAndStackTraces(String format) throws Exception {
        String output = logWith(format);

        assertThat(output).contains("number ").contains("failed").contains("IllegalStateException");
        assertThat(output).doesNotContain("440524198701010014").doesNotContain("11010519900101103X")
                .doesNotContain("440524870101001");
    }

    @Test
    void shouldWriteOneJsonObjectPerLineInJsonFormat() throws Exception {
        String output = logWith("JSON");

        assertThat(output.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\""));
    }

    @Test
    void shouldCarryCoordinatesAsJsonFieldsMaskedLikeTheMessage() throws Exception {
        String coordinates = logWith("JSON").lines().reduce((first, second) -> second).orElseThrow();

        assertThat(coordinates).contains("\"topic\":\"idcard.ocr.requests\"", "\"partition\":3", "\"offset\":42",
                "\"subject\":\"****\"", "Undecodable request record at idcard.ocr.requests-3@42");
    }
}
