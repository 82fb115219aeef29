package io.github.aed.nn.train;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of one epoch.
 *
 * @param epoch            1-based
 * @param trainingLosses   per task, its mean unweighted training loss over the epoch's batches
 * @param validationLosses per task, its mean unweighted loss over the validation samples it applies to (inference mode)
 * @param validationTotal  Σ weight × validation loss: what selects the best epoch
 * @param best             whether this epoch is the best so far (and was checkpointed, if a checkpoint is set)
 * @param seconds          wall time of the epoch, validation included
 */
public record EpochSummary(int epoch, Map<String, Double> trainingLosses, Map<String, Double> validationLosses,
                           double validationTotal, boolean best, double seconds) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "epoch %d: train %s, validation %s, weighted validation %.4f%s (%.1f s)", epoch,
                losses(trainingLosses), losses(validationLosses), validationTotal,
                best ? " (best)" : "", seconds);
    }

    /** Losses by task as {@code {task 0.1234, ...}}. */
    static String losses(Map<String, Double> l) {
        return l.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
