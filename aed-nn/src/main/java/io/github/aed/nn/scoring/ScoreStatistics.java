package io.github.aed.nn.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The range of each task's raw score, and of their weighted sum after per-task scaling, on normal (training or validation)
 * objects. {@link Normalisation#TRAINING_MIN_MAX} uses it in place of the test video's own range, so that scores do
 * not depend on the rest of the test video and can be computed on a live stream.
 *
 * @param taskRanges per task: {min, max} of the raw score on normal objects
 * @param sumRange   {min, max} of the sum of the scaled task scores on the same objects
 */
public record ScoreStatistics(Map<String, double[]> taskRanges, double[] sumRange) {

    /** Validates and copies the ranges. */
    public ScoreStatistics {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : taskRanges.entrySet()) {
            copy.put(e.getKey(), checkRange(e.getValue(), "task '" + e.getKey() + "'"));
        }
        taskRanges = Collections.unmodifiableMap(copy);
        sumRange = checkRange(sumRange, "sum");
    }

    /**
     * The statistics of a set of normal objects, with per-task scaling when {@code perTask} is set and each task's
     * scaled score weighted by {@code weight} (as the scorer will apply them).
     *
     * @throws IllegalArgumentException if {@code normal} is empty
     */
    public static ScoreStatistics of(List<ObjectScores> normal, boolean perTask, ToDoubleFunction<String> weight) {
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("score statistics need at least one normal object");
        }
        Map<String, double[]> byTask = new LinkedHashMap<>();
        for (String task : normal.get(0).byTask().keySet()) {
            byTask.put(task, normal.stream().mapToDouble(o -> o.score(task)).toArray());
        }
        return of(byTask, perTask, weight);
    }

    /**
     * The statistics of normal objects given as one array of raw scores per task, aligned by object; the sum range is
     * that of the weighted sum, as the scorer will form it.
     *
     * @throws IllegalArgumentException if there are no objects or the arrays differ in length
     */
    public static ScoreStatistics of(Map<String, double[]> byTask, boolean perTask, ToDoubleFunction<String> weight) {
        int n = byTask.isEmpty() ? 0 : byTask.values().iterator().next().length;
        if (n == 0) {
            throw new IllegalArgumentException("score statistics need at least one normal object");
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : byTask.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("task '" + e.getKey() + "' has " + e.getValue().length + " scores, expected " + n);
            }
            ranges.put(e.getKey(), minMax(e.getValue()));
        }
        double[] sums = new double[n];
        for (Map.Entry<String, double[]> e : byTask.entrySet()) {
            for (int i = 0; i < n; i++) {
                double v = e.getValue()[i];
                sums[i] += weight.applyAsDouble(e.getKey()) * (perTask ? scale(v, ranges.get(e.getKey())) : v);
            }
        }
        return new ScoreStatistics(ranges, minMax(sums));
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

    /** {min, max} of one task. */
    public double[] range(String task) {
        double[] r = taskRanges.get(task);
        if (r == null) {
            throw new IllegalArgumentException("no statistics for task '" + task + "'; known tasks " + taskRanges.keySet());
        }
        return r.clone();
    }

    /** (v − min) / (max − min); 0 when the range is empty (max = min). */
    static double scale(double v, double[] range) {
        double span = range[1] - range[0];
        return span > 0 ? (v - range[0]) / span : 0.0;
    }

    private static double[] checkRange(double[] r, String what) {
        if (r == null || r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || r[1] < r[0]) {
            throw new IllegalArgumentException("score range of " + what + " must be {min, max} with finite min <= max");
        }
        return r.clone();
    }
}
