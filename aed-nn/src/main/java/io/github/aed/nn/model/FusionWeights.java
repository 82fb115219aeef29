package io.github.aed.nn.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The default fusion weights of a model's scores (proxy tasks and attributes), chosen at training without test labels:
 * each score's separation of normal held-out objects from pseudo-anomalies made from the training videos (the same
 * objects played faster, or boxed at twice their size), as the ROC AUC of the score on the two sets, becomes the weight
 * {@code max(0, 2 × AUC − 1)}: a score that cannot tell them apart (AUC ≤ 0.5) gets no weight, one that always can gets
 * weight 1. When no score separates, every score weighs 1.
 *
 * @param separation score name → AUC of normal vs pseudo-anomalous held-out objects, in [0, 1]
 * @param weights    score name → weight derived from it
 */
public record FusionWeights(Map<String, Double> separation, Map<String, Double> weights) {

    /** Validates and copies the maps. */
    public FusionWeights {
        separation = Collections.unmodifiableMap(new LinkedHashMap<>(separation));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (!separation.keySet().equals(weights.keySet())) {
            throw new IllegalArgumentException("fusion weights for " + weights.keySet() + " but separations for " + separation.keySet());
        }
        separation.forEach((k, v) -> {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("separation of '" + k + "' must be an AUC in [0, 1], got " + v);
            }
        });
    }

    /** No weights chosen (a model trained without held-out objects): every score weighs 1. */
    public static FusionWeights none() {
        return new FusionWeights(Map.of(), Map.of());
    }

    /**
     * The weights from each score's values on normal held-out objects and on pseudo-anomalies.
     *
     * @param normal  score name → values on normal objects
     * @param pseudo  score name → values on pseudo-anomalous objects (same names)
     */
    public static FusionWeights fromSeparation(Map<String, double[]> normal, Map<String, double[]> pseudo) {
        Map<String, Double> auc = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : normal.entrySet()) {
            double[] abnormal = pseudo.get(e.getKey());
            if (abnormal == null) {
                throw new IllegalArgumentException("no pseudo-anomaly scores for '" + e.getKey() + "'");
            }
            double a = auc(e.getValue(), abnormal);
            auc.put(e.getKey(), a);
            weights.put(e.getKey(), Math.max(0, 2 * a - 1));
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            weights.replaceAll((k, w) -> 1.0);
        }
        return new FusionWeights(auc, weights);
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /** "name: weight (AUC …)" for every score. */
    public String describe() {
        if (isEmpty()) {
            return "none (every score weighs 1)";
        }
        StringBuilder sb = new StringBuilder();
        weights.forEach((k, w) -> sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f (AUC %.3f)",
                k, w, separation.get(k))));
        return sb.toString();
    }

    /**
     * The probability that a random abnormal value exceeds a random normal one, ties counting half (the Mann–Whitney
     * form of the ROC AUC); 0.5 when either set is empty.
     */
    static double auc(double[] normal, double[] abnormal) {
        if (normal.length == 0 || abnormal.length == 0) {
            return 0.5;
        }
        double[] n = normal.clone();
        java.util.Arrays.sort(n);
        double wins = 0;
        for (double x : abnormal) {
            int below = lowerBound(n, x);
            int notAbove = upperBound(n, x);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) n.length * abnormal.length);
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
