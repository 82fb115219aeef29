package io.github.aed.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What scoring one video gave: its status row and, when it was scored, its frame scores and scored regions. Arrays are
 * owned by the record (not copied: a result is made once by {@link VideoScoring} and only read afterwards).
 *
 * @param task           the video
 * @param ok             whether the video was scored; false: {@code error} says why and there are no scores
 * @param frames         frames scored (0 when failed)
 * @param seconds        wall-clock seconds spent reading and scoring the video
 * @param loadSeconds    seconds spent getting a loaded detector for it: loading the model or copying the executor's
 *                       loaded one; 0 when a detector kept from an earlier video was reused
 * @param executor       where it ran: host name and Spark executor id
 * @param error          the failure's message, empty when {@code ok}
 * @param frameScores    a score per frame, frame 0 first
 * @param regionFrames   the frame of each scored region (one per detected object)
 * @param regionBoxes    four inclusive pixel corners per region: {@code x_min, y_min, x_max, y_max}
 * @param regionScores   each region's score
 */
record VideoResult(VideoTask task, boolean ok, int frames, double seconds, double loadSeconds, String executor, String error,
                   double[] frameScores, int[] regionFrames, int[] regionBoxes, double[] regionScores) implements Serializable {

    VideoResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(error, "error");
        if (regionBoxes.length != 4 * regionFrames.length || regionScores.length != regionFrames.length) {
            throw new IllegalArgumentException(task.video() + ": " + regionFrames.length + " regions need " + 4 * regionFrames.length
                    + " corners and as many scores, got " + regionBoxes.length + " and " + regionScores.length);
        }
    }

    /** A video that could not be scored. */
    static VideoResult failed(VideoTask task, double seconds, double loadSeconds, String executor, String error) {
        return new VideoResult(task, false, 0, seconds, loadSeconds, executor, error, new double[0], new int[0], new int[0],
                new double[0]);
    }
}
