package io.idcardstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * One {@code idcard-stream run} in its own JVM, as in production, so its CPU time and peak memory are its
 * own (read from /proc when it stops).
 */
final class WorkerProcess implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private double cpuSeconds = -1;
    private long peakRssKb = -1;

    private WorkerProcess(Process process) {
        this.process = process;
    }

    static WorkerProcess start(Path jar, Map<String, String> settings, Path log) throws IOException {
        return start(jar, List.of("-Xmx512m"), settings, log);
    }

    /** @param jvmOptions e.g. the image's {@code -XX:MaxRAMPercentage=50} with a container-sized {@code MaxRAM} */
    static WorkerProcess start(Path jar, List<String> jvmOptions, Map<String, String> settings, Path log)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        settings.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("IDCARD_LOG_LEVEL", "WARN");
        return new WorkerProcess(builder.start());
    }

    /**
     * Waits (up to 3 minutes) until the consumer group has exactly {@code members} members and is stable; fails at
     * once when one of {@code workers} exits, pointing at {@code logs}.
     */
    static void awaitStableGroup(Admin admin, String group, int members, List<WorkerProcess> workers, Path logs)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            if (workers.stream().anyMatch(w -> !w.alive())) {
                throw new IllegalStateException("A worker exited; see " + logs);
            }
            try {
                var description = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS)
                        .get(group);
                if (description.groupState() == GroupState.STABLE && description.members().size() == members) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Group " + group + " not stable with " + members + " members");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size now (VmRSS), in KiB; -1 once the process is gone. */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // The process ended between the check and the read.
        }
        return -1;
    }

    /** {@code kill -9}: the worker gets no chance to commit, flush or leave its group. */
    void kill() throws InterruptedException {
        readProcQuietly();
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private void readProcQuietly() {
        try {
            readProc();
        } catch (IOException e) {
            // Already gone: nothing to read.
        }
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    long peakRssKb() {
        return peakRssKb;
    }

    /** Reads CPU time and peak RSS, then stops the worker with SIGTERM (it leaves the group cleanly). */
    @Override
    public void close() throws Exception {
        readProc();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readProc() throws IOException {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        if (!Files.exists(proc)) {
            return;
        }
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
        cpuSeconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmHWM:")) {
                peakRssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
    }
}
