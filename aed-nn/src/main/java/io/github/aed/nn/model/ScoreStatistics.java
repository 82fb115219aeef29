package io.github.aed.nn.model;

import java.util.Locale;

/**
 * Summary of one task's raw test-time scores on the training videos' validation objects (normal data): what the
 * scoring pipeline can use to normalise a task's scores without seeing a whole test video first (e.g. live streams),
 * instead of the reference's per-video min-max.
 *
 * @param count objects scored
 * @param min   smallest raw score
 * @param max   largest raw score
 * @param mean  mean raw score
 * @param std   population standard deviation
 */
public record ScoreStatistics(long count, double min, double max, double mean, double std) {

    /** The statistics of these scores (at least one). */
    public static ScoreStatistics of(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("score statistics need at least one score");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
            sum += s;
        }
        double mean = sum / scores.length;
        double sq = 0;
        for (double s : scores) {
            sq += (s - mean) * (s - mean);
        }
        return new ScoreStatistics(scores.length, min, max, mean, Math.sqrt(sq / scores.length));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d min=%.4g max=%.4g mean=%.4g std=%.4g", count, min, max, mean, std);
    }
}
