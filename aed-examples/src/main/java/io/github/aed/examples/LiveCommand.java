package io.github.aed.examples;

import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.scoring.ScoredObject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./aed live}: scores frames as they arrive and prints an alert for every abnormal frame. The source is read
 * as a stream (one frame at a time, memory bounded by the scoring window), exactly as a camera feed would be.
 */
@Command(name = "live", header = "example: score a stream frame by frame with a model file and print alerts as they happen",
        description = {"Streams the input through the trained detector with the default, non-transductive scoring (object "
                + "scores scaled by the ranges seen on normal validation objects, so 1.0 is the most abnormal normal object "
                + "seen in training) and prints an alert line for each frame whose score exceeds --threshold, with the most "
                + "abnormal object's box, as soon as the frame's result is final (the cube's k frames later)."})
final class LiveCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M.aed", description = "the trained model file")
    private Path model;

    @Option(names = "--input", required = true, paramLabel = "VIDEO_OR_FRAME_DIR", description = "the stream: a video or a frame folder")
    private Path input;

    @Option(names = "--prime", paramLabel = "NORMAL_CLIPS_DIR", description = "normal clips to prime the motion detector's background model with")
    private Path prime;

    @Mixin
    private VideoInputOption videoInput;

    @Option(names = "--threshold", paramLabel = "SCORE", defaultValue = "1.0", description = "alert above this frame score (default: ${DEFAULT-VALUE})")
    private double threshold;

    @Override
    public Integer call() {
        AnomalyDetector detector = AnomalyDetector.load(model);
        if (prime != null) {
            detector.objectDetector().prime(Video.clipsIn(prime, videoInput.policy()));
        }
        int[] alerts = {0, 0};
        long start = System.nanoTime();
        try (FrameSource stream = Video.at(input, videoInput.policy()).open()) {
            detector.stream(stream, frame -> {
                alerts[1]++;
                if (frame.score() > threshold) {
                    alerts[0]++;
                    ScoredObject worst = frame.objects().stream()
                            .max(java.util.Comparator.comparingDouble(ScoredObject::score)).orElse(null);
                    System.out.printf(Locale.ROOT, "ALERT frame %d: score %.3f%s%n", frame.frame(), frame.score(),
                            worst == null ? "" : ", object " + worst.detection().box() + " scored " + String.format(Locale.ROOT, "%.3f", worst.score()));
                }
            });
        }
        System.out.printf(Locale.ROOT, "%d of %d frames above %.2f; %.1f frames/s end to end%n", alerts[0], alerts[1], threshold,
                alerts[1] / ((System.nanoTime() - start) / 1e9));
        return 0;
    }
}
