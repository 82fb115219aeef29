package io.github.aed.metrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A macro-averaged frame AUC and how it was obtained.
 *
 * @param policy         how videos with only one class were treated
 * @param value          the mean of the per-video AUCs; empty when no video had an AUC (every video one-class under
 *                       {@link SingleClassVideoPolicy#SKIP})
 * @param videosAveraged how many videos entered the mean
 * @param skippedVideos  the one-class videos left out (always empty under {@link SingleClassVideoPolicy#SSMTL_PAD})
 */
public record MacroAuc(SingleClassVideoPolicy policy, OptionalDouble value, int videosAveraged, List<String> skippedVideos) {

    /** Copies the list. */
    public MacroAuc {
        skippedVideos = List.copyOf(skippedVideos);
    }
}
