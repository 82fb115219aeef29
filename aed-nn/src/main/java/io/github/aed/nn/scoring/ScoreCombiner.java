package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 1 of scoring: each task's raw score scaled to [0, 1], the scaled scores summed, the sum scaled again, giving the
 * object score S (SSMTL §6.2–6.3). Where the ranges come from is the {@link Normalisation}.
 */
final class ScoreCombiner {

    private final ScoringSettings settings;
    private final ScoreStatistics statistics;

    ScoreCombiner(ScoringSettings settings, ScoreStatistics statistics) {
        if (settings.normalisation() == Normalisation.TRAINING_MIN_MAX && statistics == null) {
            throw new IllegalArgumentException("TRAINING_MIN_MAX normalisation needs the training score statistics");
        }
        this.settings = settings;
        this.statistics = statistics;
    }

    /**
     * The objects with their combined scores. With {@link Normalisation#PER_VIDEO_MIN_MAX} the list must be all the
     * objects of one video; otherwise each object's score depends on itself only.
     */
    List<FramePipeline.Combined> combine(List<ObjectScores> objects, String video) {
        List<FramePipeline.Combined> out = new ArrayList<>(objects.size());
        if (objects.isEmpty()) {
            return out;
        }
        Set<String> tasks = objects.get(0).byTask().keySet();
        for (ObjectScores o : objects) {
            if (!o.byTask().keySet().equals(tasks)) {
                throw new InvalidInputException(video + " frame " + o.detection().frameIndex() + ": object has scores for "
                        + o.byTask().keySet() + ", other objects for " + tasks);
            }
        }
        Normalisation mode = settings.normalisation();
        boolean scaleTasks = settings.perTaskScaling() && mode != Normalisation.NONE;
        Map<String, double[]> ranges = new LinkedHashMap<>();
        if (scaleTasks) {
            for (String task : tasks) {
                ranges.put(task, mode == Normalisation.TRAINING_MIN_MAX ? statistics.range(task) : rangeOf(objects, task));
            }
        }
        double[] sum = new double[objects.size()];
        for (int i = 0; i < sum.length; i++) {
            for (String task : tasks) {
                double v = objects.get(i).score(task);
                sum[i] += scaleTasks ? ScoreStatistics.scale(v, ranges.get(task)) : v;
            }
        }
        if (mode != Normalisation.NONE) {
            double[] sumRange = mode == Normalisation.TRAINING_MIN_MAX ? statistics.sumRange() : minMax(sum);
            for (int i = 0; i < sum.length; i++) {
                sum[i] = ScoreStatistics.scale(sum[i], sumRange);
                if (mode == Normalisation.TRAINING_MIN_MAX) {
                    sum[i] = Math.max(0, sum[i]);
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            out.add(new FramePipeline.Combined(objects.get(i).detection(), sum[i], objects.get(i).byTask()));
        }
        return out;
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
}
