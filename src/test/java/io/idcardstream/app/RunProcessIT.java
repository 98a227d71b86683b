package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.testing.TestKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code idcard-stream run} as a real process of the shipped jar (its own class path, without the embedded
 * broker) on the test broker: once running, SIGTERM stops it with exit code 0
 * ("stopped on request", as {@code run --help} says), not the JVM's 143.
 */
class RunProcessIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void shouldExitWithZeroOnSigterm() throws Exception {
        // Given: the worker's topics, and run started on them (Tencent provider: no call is made, no model loaded)
        String prefix = "run-process-it-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.createTopics(1, prefix + ".requests", prefix + ".recognized", prefix + ".failed", prefix + ".dlq");
        List<String> command = ShippedJar.javaJar("-Xmx512m");
        command.add("run");
        for (String setting : List.of("bootstrap.servers=" + TestKafka.bootstrapServers(), "application.id=" + prefix,
                "topic.requests=" + prefix + ".requests", "topic.recognized=" + prefix + ".recognized",
                "topic.failed=" + prefix + ".failed", "topic.dlq=" + prefix + ".dlq", "replication.factor=1",
                "state.dir=" + dir.resolve("state"), "schema.registry.url=mock://" + prefix, "ops.port=0",
                "ocr.provider=tencent", "tencent.endpoint=127.0.0.1:9", "tencent.protocol=http",
                "tencent.secret.id=AKIDrunProcessIT", "tencent.secret.key=run-process-it-key")) {
            command.addAll(List.of("-D", setting));
        }
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            boolean running = CompletableFuture.supplyAsync(() -> readUntilRunning(output, lines))
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture.runAsync(() -> output.lines().forEach(lines::add));

            // When
            run.destroy();
            boolean stopped = run.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

            // Then
            assertThat(List.of(running, stopped)).containsExactly(true, true);
            assertThat(run.exitValue()).as("exit code; output: %s", lines).isZero();
        } finally {
            run.destroyForcibly();
        }
    }

    private static boolean readUntilRunning(BufferedReader output, List<String> lines) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
                if (line.contains("Kafka Streams REBALANCING -> RUNNING")) {
                    return true;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("run ended before it was running: " + lines);
    }
}
