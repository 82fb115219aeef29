package io.github.aed.nn.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The scale of each score on normal objects, and of their weighted sum after per-score scaling: two anchors per scale,
 * the raw values mapped to 0 and to 1, chosen by a {@link Normalisation} (minimum and maximum, or median and
 * {@value #UPPER_QUANTILE} quantile). The training modes use the model's validation objects in place of the test video's
 * own objects, so that scores do not depend on the rest of the test video and can be computed on a live stream.
 *
 * @param taskAnchors per score: {value mapped to 0, value mapped to 1} on normal objects
 * @param sumAnchors  the same for the weighted sum of the scaled scores on those objects
 */
public record ScoreStatistics(Map<String, double[]> taskAnchors, double[] sumAnchors) {

    /** The quantile of normal objects that {@link Normalisation#TRAINING_QUANTILES} maps to 1. */
    public static final double UPPER_QUANTILE = 0.99;

    /** Validates and copies the anchors. */
    public ScoreStatistics {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : taskAnchors.entrySet()) {
            copy.put(e.getKey(), checkAnchors(e.getValue(), "task '" + e.getKey() + "'"));
        }
        taskAnchors = Collections.unmodifiableMap(copy);
        sumAnchors = checkAnchors(sumAnchors, "sum");
    }

    /**
     * The statistics of a set of normal objects under a normalisation, with per-score scaling when {@code perTask} is
     * set and each scaled score weighted by {@code weight} (as the scorer will apply them).
     *
     * @throws IllegalArgumentException if {@code normal} is empty
     */
    public static ScoreStatistics of(List<ObjectScores> normal, Normalisation mode, boolean perTask, ToDoubleFunction<String> weight) {
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("score statistics need at least one normal object");
        }
        Map<String, double[]> byTask = new LinkedHashMap<>();
        for (String task : normal.get(0).byTask().keySet()) {
            byTask.put(task, normal.stream().mapToDouble(o -> o.score(task)).toArray());
        }
        return of(byTask, mode, perTask, weight);
    }

    /**
     * The statistics of normal objects given as one array of raw scores per score name, aligned by object; the sum's
     * anchors are those of the weighted sum, as the scorer will form it.
     *
     * @throws IllegalArgumentException if there are no objects, the arrays differ in length, or {@code mode} is
     *                                  {@link Normalisation#NONE}
     */
    public static ScoreStatistics of(Map<String, double[]> byTask, Normalisation mode, boolean perTask, ToDoubleFunction<String> weight) {
        if (mode == Normalisation.NONE) {
            throw new IllegalArgumentException("NONE normalisation does not scale, so it has no statistics");
        }
        int n = byTask.isEmpty() ? 0 : byTask.values().iterator().next().length;
        if (n == 0) {
            throw new IllegalArgumentException("score statistics need at least one normal object");
        }
        Map<String, double[]> anchors = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : byTask.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("task '" + e.getKey() + "' has " + e.getValue().length + " scores, expected " + n);
            }
            anchors.put(e.getKey(), mode.anchors(e.getValue()));
        }
        double[] sums = new double[n];
        for (Map.Entry<String, double[]> e : byTask.entrySet()) {
            for (int i = 0; i < n; i++) {
                double v = e.getValue()[i];
                sums[i] += weight.applyAsDouble(e.getKey()) * (perTask ? scale(v, anchors.get(e.getKey())) : v);
            }
        }
        return new ScoreStatistics(anchors, mode.anchors(sums));
    }

    /** {value mapped to 0, value mapped to 1} of one score. */
    public double[] anchors(String task) {
        double[] r = taskAnchors.get(task);
        if (r == null) {
            throw new IllegalArgumentException("no statistics for task '" + task + "'; known tasks " + taskAnchors.keySet());
        }
        return r.clone();
    }

    /** (v − zero) / (one − zero); 0 when the anchors coincide. */
    static double scale(double v, double[] anchors) {
        double span = anchors[1] - anchors[0];
        return span > 0 ? (v - anchors[0]) / span : 0.0;
    }

    /** The linear-interpolated {@code q} quantile of sorted values (at least one). */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] checkAnchors(double[] r, String what) {
        if (r == null || r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || r[1] < r[0]) {
            throw new IllegalArgumentException("score anchors of " + what + " must be {zero, one} with finite zero <= one");
        }
        return r.clone();
    }
}
