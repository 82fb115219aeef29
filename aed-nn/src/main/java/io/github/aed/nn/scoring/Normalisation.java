package io.github.aed.nn.scoring;

/**
 * How object scores are brought to a common scale before they are combined and mapped onto frames. The reference
 * scales each task's score, sums them, and scales the sum again (SSMTL §6.2–6.3); the modes differ in where the ranges
 * come from.
 */
public enum Normalisation {
    /**
     * Ranges from the test video itself (the paper's protocol). Transductive: an object's score depends on every other
     * object of the same video, so the whole video must be scored first, and the numbers are inflated relative to what a
     * deployed system could see. Use it to reproduce published figures, and say so.
     */
    PER_VIDEO_MIN_MAX,
    /**
     * Ranges measured on normal objects at training time ({@link ScoreStatistics}). Scores depend only on the object,
     * work on live streams, and are the library's default. Objects more normal than anything seen in training are
     * clamped to 0, the score of "no object".
     */
    TRAINING_MIN_MAX,
    /** No scaling: raw task scores are summed as they are. Only meaningful when the tasks share a scale. */
    NONE
}
