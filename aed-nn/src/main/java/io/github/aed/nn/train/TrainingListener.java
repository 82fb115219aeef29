package io.github.aed.nn.train;

import io.github.aed.nn.model.FusionWeights;

/**
 * Receives a training run's events: its start, each epoch's summary and the fusion weights chosen at the end. (How far the run is, with rate and ETA, goes
 * to {@link io.github.aed.core.progress.ProgressListener}s, the library's one progress system.) Called on the training
 * thread; keep the work small. All methods have empty defaults, so a listener overrides what it needs.
 * {@link #logging()} gives the SLF4J one.
 */
public interface TrainingListener {

    /** Before the first epoch, once the training and validation objects are counted. */
    default void onStart(int trainingObjects, int validationObjects, TrainingSettings settings) {
    }

    /** After each epoch's validation. */
    default void onEpochEnd(EpochSummary summary) {
    }

    /** After training, once every score's separation of pseudo-anomalies has chosen the fusion weights. */
    default void onFusionWeights(FusionWeights weights) {
    }

    /** A listener that logs the start and every epoch's summary through SLF4J. */
    static TrainingListener logging() {
        return new LoggingTrainingListener();
    }
}
