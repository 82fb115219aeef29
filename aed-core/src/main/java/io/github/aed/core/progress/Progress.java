package io.github.aed.core.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A snapshot of long-running work: how much of it is done, how fast it goes, and when it should end.
 *
 * @param task    what is being done, e.g. "scoring Test004" or "training epoch 3/10"
 * @param unit    what is counted, e.g. "frames", "samples"
 * @param done    units finished so far
 * @param total   units in all, or -1 when unknown (a live stream)
 * @param elapsed time since the work started
 * @param detail  what else the work reports, e.g. training losses; empty when nothing
 */
public record Progress(String task, String unit, long done, long total, Duration elapsed, String detail) {

    /** A report without detail. */
    public Progress(String task, String unit, long done, long total, Duration elapsed) {
        this(task, unit, done, total, elapsed, "");
    }

    /** Whether the work is complete (the total is known and reached). */
    public boolean isFinished() {
        return total >= 0 && done >= total;
    }

    /** Units per second so far; 0 before any time has passed. */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? done / s : 0;
    }

    /** Estimated time to completion at the rate so far, when the total is known and work has started. */
    public OptionalLong etaSeconds() {
        double r = rate();
        if (total < 0 || r <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round((total - done) / r));
    }

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? (total == 0 ? 1 : -1) : (double) done / total;
    }

    /** "scoring Test004: 120/180 frames (66.7%), 31.2 frames/s, ETA 2 s", then "; " and the detail if any. */
    @Override
    public String toString() {
        String of = total >= 0 ? done + "/" + total + " " + unit + String.format(Locale.ROOT, " (%.1f%%)", 100 * fraction())
                : done + " " + unit;
        String eta = etaSeconds().isPresent() ? ", ETA " + formatSeconds(etaSeconds().getAsLong()) : "";
        return String.format(Locale.ROOT, "%s: %s, %.1f %s/s%s%s", task, of, rate(), unit, eta, detail.isEmpty() ? "" : "; " + detail);
    }

    private static String formatSeconds(long s) {
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
