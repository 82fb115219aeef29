package io.github.aed.core.progress;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Counts units of work and reports to listeners at most once per interval (and always at the end), so that hot loops
 * can call {@link #advance} freely. Not thread-safe.
 */
public final class ProgressMeter {

    /** How often the library's work reports: often enough for a progress bar; listeners throttle themselves. */
    public static final Duration REPORT_INTERVAL = Duration.ofMillis(500);

    private final String task;
    private final String unit;
    private final long total;
    private final List<ProgressListener> listeners;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long done;
    private String detail = "";

    /**
     * @param task      what is being done
     * @param unit      what is counted
     * @param total     units in all, or -1 when unknown
     * @param interval  least time between two reports
     * @param listeners who is told
     */
    public ProgressMeter(String task, String unit, long total, Duration interval, List<ProgressListener> listeners) {
        this.task = Objects.requireNonNull(task);
        this.unit = Objects.requireNonNull(unit);
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.listeners = List.copyOf(listeners);
    }

    /** Sets what the next reports say besides the counts (e.g. the current losses); empty for nothing. */
    public void detail(String text) {
        this.detail = Objects.requireNonNull(text, "text");
    }

    /** Adds finished units and reports if the interval has passed. */
    public void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            report(now);
        }
    }

    /** Reports the final state. */
    public void finish() {
        report(System.nanoTime());
    }

    /** The current state. */
    public Progress snapshot() {
        return new Progress(task, unit, done, total, Duration.ofNanos(System.nanoTime() - start), detail);
    }

    private void report(long now) {
        Progress p = new Progress(task, unit, done, total, Duration.ofNanos(now - start), detail);
        for (ProgressListener l : listeners) {
            l.onProgress(p);
        }
    }
}
