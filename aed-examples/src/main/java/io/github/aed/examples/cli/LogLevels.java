package io.github.aed.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels of the {@code ./aed} programs' log lines. aed-examples binds SLF4J to slf4j-simple, which reads a
 * logger's level from the system property {@code org.slf4j.simpleLogger.log.NAME} (or of its nearest parent package)
 * when the logger is created. By default the numerical libraries ({@link #LIBRARIES}) report warnings and errors only,
 * so that their start-up chatter ("Loaded [CpuBackend] backend", the BLAS vendor, "Starting ComputationGraph") does not
 * bury the output, while aed's own progress lines stay at INFO.
 */
public final class LogLevels {

    /** How much the programs log. */
    public enum Verbosity {
        /** Warnings and errors only, aed's progress lines included. */
        QUIET,
        /** aed's INFO lines; the libraries' warnings and errors. */
        NORMAL,
        /** INFO lines of everything. */
        VERBOSE
    }

    /** The logger names (package prefixes) of the libraries whose INFO lines are hidden unless verbose. */
    public static final List<String> LIBRARIES = List.of("org.nd4j", "org.deeplearning4j", "org.bytedeco");

    /** The package prefix of aed's own loggers. */
    public static final String AED = "io.github.aed";

    private static final String PROPERTY_PREFIX = "org.slf4j.simpleLogger.log.";

    private LogLevels() {
    }

    /** The level of each logger prefix at a verbosity: {@link #AED} first, then each of {@link #LIBRARIES}. */
    public static Map<String, String> levels(Verbosity verbosity) {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put(AED, verbosity == Verbosity.QUIET ? "warn" : "info");
        for (String library : LIBRARIES) {
            levels.put(library, verbosity == Verbosity.VERBOSE ? "info" : "warn");
        }
        return levels;
    }

    /**
     * Sets the {@link #levels} as slf4j-simple's system properties. Affects the loggers created afterwards only, so it
     * runs first thing in {@code Main}, before any library class is loaded.
     */
    public static void apply(Verbosity verbosity) {
        levels(verbosity).forEach((logger, level) -> System.setProperty(PROPERTY_PREFIX + logger, level));
    }
}
