package io.github.aed.nn.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs training progress through SLF4J ({@code io.github.aed.nn.train}) at INFO, throttled. */
final class LoggingTrainingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTrainingListener.class);

    private final long intervalMillis;
    private long last;

    LoggingTrainingListener(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void onStart(int trainingObjects, int validationObjects, TrainingSettings settings) {
        LOG.info("training on {} objects, validating on {}; {}", trainingObjects, validationObjects, settings);
        last = System.currentTimeMillis();
    }

    @Override
    public void onProgress(TrainingProgress progress) {
        long now = System.currentTimeMillis();
        if (now - last >= intervalMillis) {
            last = now;
            LOG.info("{}", progress);
        }
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        LOG.info("{}", summary);
    }

    @Override
    public String toString() {
        return "LoggingTrainingListener[every " + intervalMillis + " ms]";
    }
}
