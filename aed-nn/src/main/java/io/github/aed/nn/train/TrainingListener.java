package io.github.aed.nn.train;

/**
 * Receives a training run's progress. Called on the training thread; keep the work small. All methods have empty
 * defaults, so a listener overrides what it needs. {@link #logging()} gives the SLF4J one.
 */
public interface TrainingListener {

    /** Before the first epoch, once the training and validation objects are counted. */
    default void onStart(int trainingObjects, int validationObjects, TrainingSettings settings) {
    }

    /** After every mini-batch. */
    default void onProgress(TrainingProgress progress) {
    }

    /** After each epoch's validation. */
    default void onEpochEnd(EpochSummary summary) {
    }

    /** A listener that logs progress through SLF4J at most every 10 seconds, and every epoch's summary. */
    static TrainingListener logging() {
        return new LoggingTrainingListener(10_000);
    }
}
