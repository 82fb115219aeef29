package io.github.aed.examples.cli;

import io.github.aed.core.progress.Progress;
import io.github.aed.core.progress.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders the library's progress reports as a progress bar redrawn in place on a terminal:
 * {@code scoring Test004 [##########----------] 50% 90/180 frames, 31.2 frames/s, ETA 3 s; detail}. A task's line
 * ends when it finishes or another task starts. Work of unknown length shows its count and rate without a bar.
 * {@link #forConsole()} picks it when the program runs on a terminal and falls back to logging otherwise (pipes,
 * files, CI logs).
 */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintStream out;
    private String task;
    private int lastLength;
    private long lastDraw;
    private boolean open;

    /** A bar drawn on {@code out}. */
    public ProgressBar(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A bar on standard error when the program runs on a terminal, else {@link ProgressListener#logging()}. */
    public static ProgressListener forConsole() {
        return System.console() != null ? new ProgressBar(System.err) : ProgressListener.logging();
    }

    @Override
    public synchronized void onProgress(Progress p) {
        long now = System.nanoTime();
        boolean newTask = !p.task().equals(task);
        if (!newTask && !p.isFinished() && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        if (newTask && open) {
            out.println();
            lastLength = 0;
        }
        task = p.task();
        lastDraw = now;
        String line = line(p);
        out.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        open = !p.isFinished();
        if (p.isFinished()) {
            out.println();
            lastLength = 0;
        }
        out.flush();
    }

    /** The text of one report, without the carriage return. */
    static String line(Progress p) {
        StringBuilder s = new StringBuilder(p.task()).append(' ');
        if (p.total() > 0) {
            int filled = (int) Math.round(WIDTH * Math.min(1, p.fraction()));
            s.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% %d/%d %s", 100 * p.fraction(), p.done(), p.total(), p.unit()));
        } else {
            s.append(p.done()).append(' ').append(p.unit());
        }
        s.append(String.format(Locale.ROOT, ", %.1f %s/s", p.rate(), p.unit()));
        p.etaSeconds().ifPresent(eta -> s.append(", ETA ").append(eta).append(" s"));
        if (!p.detail().isEmpty()) {
            s.append("; ").append(p.detail());
        }
        return s.toString();
    }
}
