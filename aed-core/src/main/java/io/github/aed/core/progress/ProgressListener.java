package io.github.aed.core.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives progress reports of long work (training, scoring a long video). Called on the working thread; keep it
 * quick. {@link #logging()} is the default everywhere.
 */
@FunctionalInterface
public interface ProgressListener {

    /** One report. */
    void onProgress(Progress progress);

    /** Reports through SLF4J at INFO level (logger {@code io.github.aed.progress}). */
    static ProgressListener logging() {
        Logger log = LoggerFactory.getLogger("io.github.aed.progress");
        return p -> log.info("{}", p);
    }

    /** Ignores every report. */
    static ProgressListener none() {
        return p -> { };
    }
}
