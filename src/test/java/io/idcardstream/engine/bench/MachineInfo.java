package io.idcardstream.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine line of the report: CPU model, cores, memory, OS and JDK, read from Linux's /proc and /etc. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() throws IOException {
        String cpu = field(Files.readString(Path.of("/proc/cpuinfo")), "model name", ":");
        long memKb = Long.parseLong(field(Files.readString(Path.of("/proc/meminfo")), "MemTotal", ":")
                .replace("kB", "").strip());
        String os = Files.exists(Path.of("/etc/os-release"))
                ? field(Files.readString(Path.of("/etc/os-release")), "PRETTY_NAME", "=").replace("\"", "")
                : System.getProperty("os.name");
        return String.format("%s, %d cores, %.0f GiB RAM, %s, %s %s, max heap %d MiB", cpu,
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, os,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    private static String field(String text, String key, String separator) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(separator) + 1).strip();
            }
        }
        return "unknown " + key;
    }
}
