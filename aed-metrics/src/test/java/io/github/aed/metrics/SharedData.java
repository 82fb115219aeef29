package io.github.aed.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark data beside the repository (system property {@code aed.shared.data}); tests skip without it. */
final class SharedData {

    private SharedData() {
    }

    /** The dataset folder {@code name}, or a skipped test when it is absent. */
    static Path require(String name) {
        String root = System.getProperty("aed.shared.data");
        assumeTrue(root != null, "system property aed.shared.data is not set; benchmark data tests skipped");
        Path p = Path.of(root, name);
        assumeTrue(Files.isDirectory(p), p + " is absent; benchmark data tests skipped");
        return p;
    }
}
