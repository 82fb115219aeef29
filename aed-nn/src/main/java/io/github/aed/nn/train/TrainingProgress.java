package io.github.aed.nn.train;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a training run stands after a mini-batch.
 *
 * @param epoch         1-based current epoch
 * @param epochs        epochs in the run
 * @param samplesDone   training samples consumed so far, all epochs
 * @param samplesTotal  training samples of the whole run (epochs × training objects, less dropped remainders)
 * @param samplesPerSecond training samples per second since the start
 * @param taskLosses    per task, its mean unweighted loss over this epoch's batches so far
 * @param eta           estimated time to the end of training, validation passes excluded
 */
public record TrainingProgress(int epoch, int epochs, long samplesDone, long samplesTotal, double samplesPerSecond,
                               Map<String, Double> taskLosses, Duration eta) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "epoch %d/%d, %d/%d samples (%.1f%%), %.1f samples/s, ETA %s, loss %s", epoch, epochs,
                samplesDone, samplesTotal, 100.0 * samplesDone / Math.max(1, samplesTotal), samplesPerSecond, format(eta),
                losses(taskLosses));
    }

    static String losses(Map<String, Double> l) {
        return l.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
