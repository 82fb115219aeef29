package io.github.aed.spark;

import java.util.List;
import java.util.Objects;

/**
 * What a finished {@link ScoringJob} wrote, read back from its committed {@code STATUS.csv}. Immutable.
 *
 * @param output   the output directory (fully qualified Hadoop path)
 * @param videos   videos in the job
 * @param failures the videos that failed, each as {@code "video: error"}, in the job's order
 * @param frames   frames scored, over the videos that were scored
 * @param seconds  wall-clock seconds of the job on the driver, from shipping the model to the committed output
 */
public record JobSummary(String output, int videos, List<String> failures, long frames, double seconds) {

    /** Copies the list. */
    public JobSummary {
        Objects.requireNonNull(output, "output");
        failures = List.copyOf(failures);
    }

    /** Videos that could not be scored. */
    public int failed() {
        return failures.size();
    }

    /** Frames scored per wall-clock second of the whole job. */
    public double framesPerSecond() {
        return seconds > 0 ? frames / seconds : 0;
    }
}
