package io.github.aed.nn.scoring;

import java.util.Arrays;

/**
 * How object scores are brought to a common scale before they are combined and mapped onto frames. The reference
 * scales each task's score, sums them, and scales the sum again (SSMTL §6.2–6.3); the modes differ in where the two
 * anchors of each scale (the values mapped to 0 and to 1) come from.
 */
public enum Normalisation {
    /**
     * Anchors are the minimum and maximum over the test video itself (the paper's protocol). Transductive: an object's
     * score depends on every other object of the same video, so the whole video must be scored first, and the numbers
     * are inflated relative to what a deployed system could see. Use it to reproduce published figures, and say so.
     */
    PER_VIDEO_MIN_MAX,
    /**
     * Anchors are the median (→ 0) and the {@value ScoreStatistics#UPPER_QUANTILE} quantile (→ 1) of each score, and of
     * their weighted sum, over the normal validation objects kept at training ({@link ScoreStatistics}), the same
     * calibration as the attributes' densities. Scores depend only on the object, work on live streams, and are the
     * library's default. A score of 3 is three times as far beyond the typical normal object as the rare normal ones
     * go, whatever the score's own units, so no score's weight in the sum hangs on the single most extreme normal
     * object (as it does with {@link #TRAINING_MIN_MAX}). Objects at most as abnormal as the median normal one are
     * clamped to 0, the score of "no object".
     */
    TRAINING_QUANTILES,
    /**
     * Anchors are the minimum and maximum over the normal validation objects kept at training: the library's former
     * default. Like {@link #TRAINING_QUANTILES} it works on streams, but one extreme normal object (a noisy
     * box with a large flow, say) stretches a score's range and shrinks its share of the sum. Objects more normal than
     * anything seen in training are clamped to 0, the score of "no object".
     */
    TRAINING_MIN_MAX,
    /** No scaling: raw task scores are summed as they are. Only meaningful when the tasks share a scale. */
    NONE;

    /** Whether the anchors come from the normal objects seen at training (the model's validation scores). */
    public boolean fromTraining() {
        return this == TRAINING_QUANTILES || this == TRAINING_MIN_MAX;
    }

    /**
     * The anchors {value mapped to 0, value mapped to 1} of one score's values on normal objects (the test video's
     * objects for {@link #PER_VIDEO_MIN_MAX}); {@code zero ≤ one}, equal when the values do not spread.
     *
     * @throws IllegalStateException for {@link #NONE}, which does not scale
     */
    public double[] anchors(double[] normalValues) {
        return switch (this) {
            case PER_VIDEO_MIN_MAX, TRAINING_MIN_MAX -> new double[] {Arrays.stream(normalValues).min().orElseThrow(),
                    Arrays.stream(normalValues).max().orElseThrow()};
            case TRAINING_QUANTILES -> {
                double[] sorted = normalValues.clone();
                Arrays.sort(sorted);
                double median = ScoreStatistics.quantile(sorted, 0.5);
                double upper = ScoreStatistics.quantile(sorted, ScoreStatistics.UPPER_QUANTILE);
                yield new double[] {median, upper > median ? upper : sorted[sorted.length - 1]};
            }
            case NONE -> throw new IllegalStateException("NONE normalisation has no anchors");
        };
    }
}
