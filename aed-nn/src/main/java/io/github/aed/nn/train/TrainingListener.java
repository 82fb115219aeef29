package io.github.aed.nn.train;

/**
 * Receives a training run's events: its start and each epoch's summary. (How far the run is, with rate and ETA, goes
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

    /** A listener that logs the start and every epoch's summary through SLF4J. */
    static TrainingListener logging() {
        return new LoggingTrainingListener();
    }
}
