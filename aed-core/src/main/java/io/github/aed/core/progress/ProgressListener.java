package io.github.aed.core.progress;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives progress reports of long work (training, scoring a long video): the one progress system of the library.
 * Work reports often (several times a second, see {@link ProgressMeter}); a listener that writes somewhere slow throttles
 * itself ({@link #throttled}). Called on the working thread; keep it quick. {@link #logging()} is the default
 * everywhere; a command-line program may render a progress bar instead.
 */
@FunctionalInterface
public interface ProgressListener {

    /** One report. */
    void onProgress(Progress progress);

    /**
     * Reports through SLF4J at INFO level (logger {@code io.github.aed.progress}), at most every 10 seconds per task
     * plus each task's first and final report.
     */
    static ProgressListener logging() {
        Logger log = LoggerFactory.getLogger("io.github.aed.progress");
        return throttled(Duration.ofSeconds(10), p -> log.info("{}", p));
    }

    /**
     * Passes on a task's first report, its final one ({@link Progress#isFinished()}), and others at most once per
     * {@code interval}. Not thread-safe, like the work that reports.
     */
    static ProgressListener throttled(Duration interval, ProgressListener target) {
        long gap = interval.toNanos();
        return new ProgressListener() {
            private String task;
            private long last;

            @Override
            public void onProgress(Progress p) {
                long now = System.nanoTime();
                if (!p.task().equals(task) || p.isFinished() || now - last >= gap) {
                    task = p.task();
                    last = now;
                    target.onProgress(p);
                }
            }
        };
    }

    /** Ignores every report. */
    static ProgressListener none() {
        return p -> { };
    }
}
