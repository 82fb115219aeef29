package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns the raw per-task scores of a video's objects into frame scores and region scores (SSMTL §6.2–6.6):
 *
 * <ol>
 *   <li>each task's score is scaled to [0, 1] (ranges from the video or from training, per {@link Normalisation}),
 *       the scaled scores are summed, and the sum is scaled again: the object score S;</li>
 *   <li>S is splatted into a block map (blocks under the box take the maximum of the scores on them);</li>
 *   <li>the map is smoothed by a cubic mean filter over frames, rows and columns (optional);</li>
 *   <li>a frame's score is the maximum of its blocks; frames without objects score 0 before smoothing;</li>
 *   <li>the frame scores are smoothed in time ({@link TemporalFilter}).</li>
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class VideoScorer {

    private final ScoringSettings settings;
    private final ScoreStatistics statistics;

    /**
     * @param settings   the scoring levers
     * @param statistics ranges of normal objects' scores; required for {@link Normalisation#TRAINING_MIN_MAX}, ignored
     *                   otherwise (may be null then)
     */
    public VideoScorer(ScoringSettings settings, ScoreStatistics statistics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.normalisation() == Normalisation.TRAINING_MIN_MAX && statistics == null) {
            throw new IllegalArgumentException("TRAINING_MIN_MAX normalisation needs the training score statistics");
        }
        this.statistics = statistics;
    }

    public ScoringSettings settings() {
        return settings;
    }

    /**
     * Scores one whole video.
     *
     * @param video   the video's name, for messages and results
     * @param frames  number of frames of the video (every frame gets a score)
     * @param width   frame width in pixels
     * @param height  frame height in pixels
     * @param objects the raw task scores of every object of the video; all with the same tasks
     */
    public VideoScores score(String video, int frames, int width, int height, List<ObjectScores> objects) {
        if (frames < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException(video + ": needs at least one frame and a positive size, got "
                    + frames + " frames of " + width + "x" + height);
        }
        Set<String> tasks = objects.isEmpty() ? Set.of() : objects.get(0).byTask().keySet();
        for (ObjectScores o : objects) {
            int f = o.detection().frameIndex();
            if (f >= frames) {
                throw new InvalidInputException(video + ": object in frame " + f + ", but the video has " + frames + " frames");
            }
            if (!o.detection().box().isInside(width, height) || o.detection().box().isEmpty()) {
                throw new InvalidInputException(video + " frame " + f + ": object box " + o.detection().box()
                        + " is empty or outside the " + width + "x" + height + " frame");
            }
            if (!o.byTask().keySet().equals(tasks)) {
                throw new InvalidInputException(video + " frame " + f + ": object has scores for " + o.byTask().keySet()
                        + ", the video's first object for " + tasks);
            }
        }
        double[] combined = combine(objects, tasks);
        BlockMap map = new BlockMap(frames, width, height, settings.blockSize());
        for (int i = 0; i < objects.size(); i++) {
            map.splat(objects.get(i).detection().frameIndex(), objects.get(i).detection().box(), combined[i]);
        }
        map.meanFilter(settings.meanFilterSize());
        double[] raw = new double[frames];
        for (int f = 0; f < frames; f++) {
            raw[f] = map.frameMax(f);
        }
        double[] smoothed = settings.temporalFilter().apply(raw);
        double[] regions = settings.regionScoreMode() == RegionScoreMode.OBJECT_SCORE ? combined : maxMapInBoxes(map, objects, width, height);
        List<ScoredObject> scored = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            scored.add(new ScoredObject(objects.get(i).detection(), combined[i], regions[i], objects.get(i).byTask()));
        }
        return new VideoScores(video, smoothed, scored, settings, settings.keepMaps() ? map : null);
    }

    /** Step 1: per-task scaling, sum, scaling of the sum. */
    private double[] combine(List<ObjectScores> objects, Set<String> tasks) {
        int n = objects.size();
        double[] sum = new double[n];
        if (n == 0) {
            return sum;
        }
        Normalisation mode = settings.normalisation();
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String task : tasks) {
            ranges.put(task, switch (mode) {
                case PER_VIDEO_MIN_MAX -> rangeOf(objects, task);
                case TRAINING_MIN_MAX -> statistics.range(task);
                case NONE -> null;
            });
        }
        for (int i = 0; i < n; i++) {
            for (String task : tasks) {
                double v = objects.get(i).score(task);
                sum[i] += settings.perTaskScaling() && mode != Normalisation.NONE ? ScoreStatistics.scale(v, ranges.get(task)) : v;
            }
        }
        if (mode == Normalisation.NONE) {
            return sum;
        }
        double[] sumRange = mode == Normalisation.TRAINING_MIN_MAX ? statistics.sumRange() : minMax(sum);
        for (int i = 0; i < n; i++) {
            sum[i] = ScoreStatistics.scale(sum[i], sumRange);
            if (mode == Normalisation.TRAINING_MIN_MAX) {
                sum[i] = Math.max(0, sum[i]);
            }
        }
        return sum;
    }

    private static double[] rangeOf(List<ObjectScores> objects, String task) {
        double[] v = new double[objects.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = objects.get(i).score(task);
        }
        return minMax(v);
    }

    private static double[] minMax(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new double[] {lo, hi};
    }

    /** Step 6 (MAX_MAP_IN_BOX): the smoothed map resized bilinearly to the frame, its maximum inside each box. */
    private static double[] maxMapInBoxes(BlockMap map, List<ObjectScores> objects, int width, int height) {
        double[] out = new double[objects.size()];
        Map<Integer, List<Integer>> byFrame = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            byFrame.computeIfAbsent(objects.get(i).detection().frameIndex(), k -> new ArrayList<>()).add(i);
        }
        try (Mat blocks = new Mat(map.rows, map.cols, opencv_core.CV_32F); Mat full = new Mat();
             Size size = new Size(width, height); DoublePointer max = new DoublePointer(1)) {
            for (Map.Entry<Integer, List<Integer>> e : byFrame.entrySet()) {
                new FloatPointer(blocks.data()).put(map.frame(e.getKey()));
                opencv_imgproc.resize(blocks, full, size, 0, 0, opencv_imgproc.INTER_LINEAR);
                for (int i : e.getValue()) {
                    Box b = objects.get(i).detection().box();
                    try (Rect r = new Rect(b.xMin(), b.yMin(), b.width(), b.height()); Mat roi = full.apply(r)) {
                        opencv_core.minMaxLoc(roi, null, max, null, null, null);
                        out[i] = max.get();
                    }
                }
            }
        }
        return out;
    }
}
