package io.github.aed.spark;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Video;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.VideoScores;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one video on an executor, as {@code ./aed score} would: a detector checked out of this JVM's
 * {@link DetectorPool}, {@link io.github.aed.nn.AnomalyDetector#score(Video)}, then the frame scores and one region per
 * scored object (its box and region score). A video that cannot be read or scored gives a failed result with the
 * error; a model that cannot be loaded fails the task instead (Spark retries it, then fails the job), since it would
 * fail every video.
 */
final class VideoScoring implements Function<VideoTask, VideoResult> {

    private static final Logger LOG = LoggerFactory.getLogger(VideoScoring.class);

    private final ModelShipment model;

    VideoScoring(ModelShipment model) {
        this.model = model;
    }

    @Override
    public VideoResult call(VideoTask task) {
        long start = System.nanoTime();
        try (DetectorPool.Lease lease = DetectorPool.of(model.sha256()).checkout(model::localFile)) {
            long scoring = System.nanoTime();
            try {
                VideoScores scores = lease.detector().score(Video.at(Path.of(task.path())));
                VideoResult r = scored(task, scores, seconds(scoring), lease.loadSeconds());
                LOG.info("{}: {} frames in {} s", task.video(), r.frames(), String.format("%.2f", r.seconds()));
                return r;
            } catch (RuntimeException e) {
                LOG.warn("{} ({}): failed after {} s: {}", task.video(), task.path(), String.format("%.2f", seconds(start)), e.toString());
                return VideoResult.failed(task, seconds(scoring), lease.loadSeconds(), executor(), message(e));
            }
        }
    }

    private static VideoResult scored(VideoTask task, VideoScores s, double seconds, double loadSeconds) {
        List<ScoredObject> objects = s.objects();
        int n = objects.size();
        int[] frames = new int[n];
        int[] boxes = new int[4 * n];
        double[] regionScores = new double[n];
        for (int i = 0; i < n; i++) {
            ScoredObject o = objects.get(i);
            Box b = o.detection().box();
            frames[i] = o.detection().frameIndex();
            boxes[4 * i] = b.xMin();
            boxes[4 * i + 1] = b.yMin();
            boxes[4 * i + 2] = b.inclusiveXMax();
            boxes[4 * i + 3] = b.inclusiveYMax();
            regionScores[i] = o.regionScore();
        }
        return new VideoResult(task, true, s.frameCount(), seconds, loadSeconds, executor(), "", s.frameScores(), frames, boxes,
                regionScores);
    }

    /**
     * The message a user needs, on one line: the library's own for bad input, the exception's type and message
     * otherwise.
     */
    static String message(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\R+", " ");
        return e instanceof InvalidInputException ? m : e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** This JVM's host name and Spark executor id ("driver" in local mode). */
    private static String executor() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        SparkEnv env = SparkEnv.get();
        return env == null ? host : host + "/" + env.executorId();
    }
}
