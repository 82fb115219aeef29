package io.github.aed.nn.model;

import java.util.List;
import java.util.Objects;

/**
 * What a training run was: its settings, the epochs' losses and which epoch's parameters the model holds, and the
 * frame size of the training videos (a model scores videos of that size only, see
 * {@link io.github.aed.nn.AnomalyDetector}).
 *
 * @param settings    the training settings, as {@code TrainingSettings.describeModelShaping()} prints them, followed by
 *                    the attribute settings (their k, bank size and calibration) when the model has attributes
 * @param bestEpoch   the epoch (1-based) whose parameters the model holds
 * @param epochs      one line per finished epoch: losses per task, weighted validation loss, seconds
 * @param frameWidth  width of the training videos' frames, in pixels
 * @param frameHeight height of the training videos' frames, in pixels
 */
public record TrainingSummary(String settings, int bestEpoch, List<String> epochs, int frameWidth, int frameHeight) {

    /** Validates the parts and copies the list. */
    public TrainingSummary {
        Objects.requireNonNull(settings, "settings");
        epochs = List.copyOf(epochs);
        if (bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " is not one of the " + epochs.size() + " epochs");
        }
        if (frameWidth < 1 || frameHeight < 1) {
            throw new IllegalArgumentException("training frame size must be positive, got " + frameWidth + "x" + frameHeight);
        }
    }

    /** The frame size as {@code WIDTHxHEIGHT}. */
    public String frameSize() {
        return frameWidth + "x" + frameHeight;
    }
}
