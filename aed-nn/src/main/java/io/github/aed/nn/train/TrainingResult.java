package io.github.aed.nn.train;

import io.github.aed.nn.model.TrainedModel;
import java.util.List;

/**
 * The outcome of {@link Trainer#train}: the model with the best epoch's parameters, and every epoch's summary.
 *
 * @param model     the trained model (best epoch), with score statistics on the validation objects
 * @param epochs    the epoch summaries in order
 * @param bestEpoch the 1-based epoch whose parameters the model holds
 */
public record TrainingResult(TrainedModel model, List<EpochSummary> epochs, int bestEpoch) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
