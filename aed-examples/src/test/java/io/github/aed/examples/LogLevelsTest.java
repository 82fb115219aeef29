package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.examples.cli.LogLevels;
import io.github.aed.examples.cli.LogLevels.Verbosity;
import io.github.aed.examples.cli.LoggingOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log levels of {@code ./aed}: ND4J, DL4J and JavaCPP at WARN unless {@code --verbose}, aed's own lines at INFO
 * unless {@code --quiet}. slf4j-simple fixes a logger's level when it is created, so each check creates new loggers.
 */
class LogLevelsTest {

    private static final AtomicInteger FRESH = new AtomicInteger();

    /** A logger not created before, below {@code prefix}. */
    private static Logger fresh(String prefix) {
        return LoggerFactory.getLogger(prefix + ".probe" + FRESH.incrementAndGet());
    }

    @AfterEach
    void backToTheDefault() {
        LogLevels.apply(Verbosity.NORMAL);
    }

    @Test
    void theLibrariesAreAtWarnUnlessVerbose() {
        for (String library : LogLevels.LIBRARIES) {
            assertEquals("warn", LogLevels.levels(Verbosity.NORMAL).get(library), library);
            assertEquals("warn", LogLevels.levels(Verbosity.QUIET).get(library), library);
            assertEquals("info", LogLevels.levels(Verbosity.VERBOSE).get(library), library);
        }
        assertEquals("info", LogLevels.levels(Verbosity.NORMAL).get(LogLevels.AED));
        assertEquals("info", LogLevels.levels(Verbosity.VERBOSE).get(LogLevels.AED));
        assertEquals("warn", LogLevels.levels(Verbosity.QUIET).get(LogLevels.AED));
        assertTrue(LogLevels.LIBRARIES.containsAll(java.util.List.of("org.nd4j", "org.deeplearning4j", "org.bytedeco")));
    }

    @Test
    void theOptionsAreFoundAnywhereOnTheCommandLine() {
        assertEquals(Verbosity.NORMAL, LoggingOptions.requested("demo", "--out", "x"));
        assertEquals(Verbosity.VERBOSE, LoggingOptions.requested("--verbose", "demo"));
        assertEquals(Verbosity.VERBOSE, LoggingOptions.requested("bench", "nn", "--sizes", "16", "--verbose"));
        assertEquals(Verbosity.QUIET, LoggingOptions.requested("score", "--quiet", "--model", "m.aed"));
        assertEquals(Verbosity.NORMAL, LoggingOptions.requested("demo", "--", "--verbose"), "after -- it is not an option");
        assertEquals(Verbosity.NORMAL, LoggingOptions.requested("--verbose", "--quiet"), "the full parse reports the contradiction");
    }

    @Test
    void aedSetsTheLevelsBeforeRunningACommand() {
        InProcessAed.run("--version");
        assertFalse(fresh("org.nd4j.linalg.factory").isInfoEnabled(), "ND4J's INFO lines are hidden by default");
        assertFalse(fresh("org.deeplearning4j.nn.graph").isInfoEnabled());
        assertTrue(fresh("org.nd4j.linalg.factory").isWarnEnabled());
        assertTrue(fresh("io.github.aed.progress").isInfoEnabled(), "aed's progress lines are shown");

        InProcessAed.run("--version", "--verbose");
        assertTrue(fresh("org.nd4j.linalg.factory").isInfoEnabled(), "--verbose shows ND4J's INFO lines");
        assertTrue(fresh("org.bytedeco.javacpp").isInfoEnabled());

        InProcessAed.run("--quiet", "--version");
        assertFalse(fresh("io.github.aed.progress").isInfoEnabled(), "--quiet hides aed's progress lines");
        assertTrue(fresh("io.github.aed.progress").isWarnEnabled());
    }
}
