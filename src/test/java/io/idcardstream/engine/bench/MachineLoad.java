package io.idcardstream.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How busy the shared machine is: the 1-minute load average and the idle share of all CPUs over a short sample,
 * from Linux's /proc. Used to wait (with a deadline) for a quiet machine and to report the load honestly.
 */
final class MachineLoad {

    private MachineLoad() {
    }

    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
    }

    /** Idle share (0..1) of all CPUs over {@code sample}. */
    static double idleShare(Duration sample) throws IOException, InterruptedException {
        long[] before = cpuTicks(Files.readString(Path.of("/proc/stat")));
        Thread.sleep(sample.toMillis());
        long[] after = cpuTicks(Files.readString(Path.of("/proc/stat")));
        long total = after[0] - before[0];
        return total <= 0 ? 1.0 : (double) (after[1] - before[1]) / total;
    }

    /**
     * Waits until the CPUs are at least {@code idle} idle over 3 s, or the deadline passes.
     *
     * @return the last idle share measured
     */
    static double awaitQuiet(double idle, Duration deadline) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(deadline);
        double share;
        do {
            share = idleShare(Duration.ofSeconds(3));
        } while (share < idle && Instant.now().isBefore(end));
        return share;
    }

    /** {@code {total, idle}} ticks from the aggregate "cpu" line of /proc/stat (idle includes iowait). */
    static long[] cpuTicks(String procStat) {
        String[] cells = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no aggregate cpu line in /proc/stat"))
                .trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cells.length; i++) {
            total += Long.parseLong(cells[i]);
        }
        return new long[] {total, Long.parseLong(cells[4]) + Long.parseLong(cells[5])};
    }
}
