package io.github.aed.nn.train;

import io.github.aed.nn.model.FusionWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a training run's start, epoch summaries and fusion weights through SLF4J ({@code io.github.aed.nn.train}) at INFO. */
final class LoggingTrainingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTrainingListener.class);

    @Override
    public void onStart(int trainingObjects, int validationObjects, TrainingSettings settings) {
        LOG.info("training on {} objects, validating on {}; {}", trainingObjects, validationObjects, settings);
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        LOG.info("{}", summary);
    }

    @Override
    public void onFusionWeights(FusionWeights weights) {
        LOG.info("fusion weights from the separation of pseudo-anomalies: {}", weights.describe());
    }
}
