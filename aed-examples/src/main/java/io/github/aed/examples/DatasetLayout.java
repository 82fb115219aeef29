package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.video.DamagedVideoPolicy;
import io.github.aed.core.video.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a dataset keeps its training and test videos, in its usual layout (the same roots {@code ./aed evaluate}
 * takes for the ground truth):
 * <ul>
 * <li>{@code ucsd}: {@code ROOT/Train/TrainNNN/}, {@code ROOT/Test/TestNNN/} (frame folders; mask folders skipped);</li>
 * <li>{@code avenue}: {@code ROOT/training_videos/NN.avi}, {@code ROOT/testing_videos/NN.avi};</li>
 * <li>{@code shanghaitech}: {@code ROOT/training/videos/SS_VVVV.avi}, {@code ROOT/testing/frames/SS_VVVV/};</li>
 * <li>{@code folder}: {@code ROOT/train/} and {@code ROOT/test/}, each a folder of clips (videos or frame folders).</li>
 * </ul>
 */
enum DatasetLayout {
    UCSD("Train", "Test"),
    AVENUE("training_videos", "testing_videos"),
    SHANGHAITECH("training/videos", "testing/frames"),
    FOLDER("train", "test");

    private final String train;
    private final String test;

    DatasetLayout(String train, String test) {
        this.train = train;
        this.test = test;
    }

    /** The normal training clips below {@code root}; damaged video files fail their read. */
    List<Video> trainingVideos(Path root) {
        return trainingVideos(root, DamagedVideoPolicy.FAIL);
    }

    /** The normal training clips below {@code root}, with this policy for damaged video files. */
    List<Video> trainingVideos(Path root, DamagedVideoPolicy damaged) {
        return clips(root.resolve(train), "training", damaged);
    }

    /** The test clips below {@code root}; damaged video files fail their read. */
    List<Video> testVideos(Path root) {
        return testVideos(root, DamagedVideoPolicy.FAIL);
    }

    /** The test clips below {@code root}, with this policy for damaged video files. */
    List<Video> testVideos(Path root, DamagedVideoPolicy damaged) {
        return clips(root.resolve(test), "test", damaged);
    }

    private List<Video> clips(Path folder, String what, DamagedVideoPolicy damaged) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": no " + what + " folder here; the " + name().toLowerCase(java.util.Locale.ROOT)
                    + " layout keeps " + what + " clips in " + (what.equals("training") ? train : test) + "/");
        }
        return Video.clipsIn(folder, damaged);
    }
}
