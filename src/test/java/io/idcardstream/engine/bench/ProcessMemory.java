package io.idcardstream.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's peak resident set size, from Linux's {@code /proc/self/status}. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmHWM in KiB. */
    static long peakRssKb() throws IOException {
        return peakRssKb(Files.readString(Path.of("/proc/self/status")));
    }

    static long peakRssKb(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
            }
        }
        throw new IllegalArgumentException("no VmHWM line in /proc/self/status (not Linux?)");
    }
}
