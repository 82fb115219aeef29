package io.github.aed.examples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Facts about the machine and this process that benchmarks print with their numbers: CPU model, cores, Java, OS,
 * heap limit, and memory use (Linux {@code /proc} files; -1 or "unknown" where they are not available). Sizes in MiB.
 */
final class Machine {

    private Machine() {
    }

    /** The CPU model name from {@code /proc/cpuinfo}. */
    static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    /** Cores the JVM may use. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Java version and vendor. */
    static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }

    /** Operating system name, version and architecture. */
    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}: other work competing for the cores. */
    static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] f = lines.get(0).split("\\s+");
        return f.length < 3 ? "unknown" : f[0] + " / " + f[1] + " / " + f[2];
    }

    /** The heap limit (-Xmx). */
    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /**
     * The JVM heap's peak use: the sum of the heap memory pools' peaks since the start (an upper bound of the true
     * simultaneous peak, as pools peak at different times). Off-heap memory (ND4J buffers, OpenCV) is not included.
     */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /**
     * A memory field of {@code /proc/self/status}, e.g. {@code VmRSS} (resident now) or {@code VmHWM} (peak resident,
     * heap and native memory together).
     */
    static long processMb(String field) {
        for (String line : lines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                try {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
