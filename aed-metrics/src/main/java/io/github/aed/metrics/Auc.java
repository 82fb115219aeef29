package io.github.aed.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Frame-level ROC AUC, exact and in O(n log n).
 *
 * <p>The AUC is the Mann–Whitney probability that an abnormal frame scores higher than a normal one, with ties
 * counted one half: {@code P(s+ > s-) + ½·P(s+ = s-)}. This equals the trapezoid area under the ROC curve with tied
 * scores grouped into one point (scikit-learn's {@code roc_auc_score}). The count is kept in integers, so the only
 * rounding is the final division; long inputs (ShanghaiTech's 40,791 frames and far more) stay exact.
 *
 * <p>Scores are used exactly as given: no normalisation, no smoothing. Higher means more abnormal. A NaN or infinite
 * score, or arrays of different lengths, are rejected with an {@link IllegalArgumentException} naming the position.
 */
public final class Auc {

    private Auc() {
    }

    /**
     * The ROC AUC of {@code scores} against {@code abnormal}.
     *
     * @throws IllegalArgumentException if the frames are all normal or all abnormal (the AUC is undefined), or on bad
     *                                  input as described in the class comment
     */
    public static double auc(boolean[] abnormal, double[] scores) {
        Classes c = Classes.of(abnormal, scores);
        c.requireBoth();
        double[] pos = c.abnormal;
        double[] neg = c.normal;
        long twiceWins = 0;
        int below = 0;
        int atOrBelow = 0;
        for (double p : pos) {
            while (below < neg.length && neg[below] < p) {
                below++;
            }
            atOrBelow = Math.max(atOrBelow, below);
            while (atOrBelow < neg.length && neg[atOrBelow] <= p) {
                atOrBelow++;
            }
            // 2 * (#normal below p) + (#normal tied with p)
            twiceWins += below + atOrBelow;
        }
        return twiceWins / (2.0 * pos.length * neg.length);
    }

    /** The AUC if both classes are present, empty otherwise. */
    public static OptionalDouble aucIfDefined(boolean[] abnormal, double[] scores) {
        Classes c = Classes.of(abnormal, scores);
        return c.abnormal.length == 0 || c.normal.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(auc(abnormal, scores));
    }

    /**
     * The ROC curve, one point per distinct score.
     *
     * @throws IllegalArgumentException if the frames are all normal or all abnormal, or on bad input
     */
    public static RocCurve rocCurve(boolean[] abnormal, double[] scores) {
        Classes c = Classes.of(abnormal, scores);
        c.requireBoth();
        double[] pos = c.abnormal;
        double[] neg = c.normal;
        int n = pos.length + neg.length + 1;
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        double[] thr = new double[n];
        thr[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int i = pos.length - 1;
        int j = neg.length - 1;
        int tp = 0;
        int fp = 0;
        while (i >= 0 || j >= 0) {
            double t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= 0 && pos[i] == t) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                fp++;
                j--;
            }
            fpr[points] = (double) fp / neg.length;
            tpr[points] = (double) tp / pos.length;
            thr[points] = t;
            points++;
        }
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), Arrays.copyOf(thr, points));
    }

    /**
     * The macro AUC: the mean of the per-video AUCs.
     *
     * @param videos   the videos' names, for the report of skipped videos
     * @param abnormal each video's frame labels
     * @param scores   each video's frame scores, as long as its labels
     * @param policy   what to do with videos whose frames are all of one class
     */
    public static MacroAuc macro(List<String> videos, List<boolean[]> abnormal, List<double[]> scores, SingleClassVideoPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (videos.size() != abnormal.size() || videos.size() != scores.size()) {
            throw new IllegalArgumentException("macro AUC needs one label and one score array per video: " + videos.size()
                    + " videos, " + abnormal.size() + " label arrays, " + scores.size() + " score arrays");
        }
        double sum = 0;
        int used = 0;
        List<String> skipped = new ArrayList<>();
        for (int v = 0; v < videos.size(); v++) {
            boolean[] y = abnormal.get(v);
            double[] s = scores.get(v);
            if (policy == SingleClassVideoPolicy.SSMTL_PAD) {
                y = padded(y);
                s = padded(s);
            }
            OptionalDouble a;
            try {
                a = aucIfDefined(y, s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("video " + videos.get(v) + ": " + e.getMessage(), e);
            }
            if (a.isPresent()) {
                sum += a.getAsDouble();
                used++;
            } else {
                skipped.add(videos.get(v));
            }
        }
        OptionalDouble value = used == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / used);
        return new MacroAuc(policy, value, used, skipped);
    }

    private static boolean[] padded(boolean[] y) {
        boolean[] p = new boolean[y.length + 2];
        System.arraycopy(y, 0, p, 1, y.length);
        p[p.length - 1] = true;
        return p;
    }

    private static double[] padded(double[] s) {
        double[] p = new double[s.length + 2];
        System.arraycopy(s, 0, p, 1, s.length);
        p[p.length - 1] = 1.0;
        return p;
    }

    /** The scores of each class, sorted ascending, with −0.0 folded into 0.0 so that sorting and {@code ==} agree. */
    private static final class Classes {
        final double[] abnormal;
        final double[] normal;

        private Classes(double[] abnormal, double[] normal) {
            this.abnormal = abnormal;
            this.normal = normal;
        }

        static Classes of(boolean[] labels, double[] scores) {
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(scores, "scores");
            if (labels.length != scores.length) {
                throw new IllegalArgumentException(labels.length + " labels but " + scores.length + " scores");
            }
            int positives = 0;
            for (boolean b : labels) {
                positives += b ? 1 : 0;
            }
            double[] pos = new double[positives];
            double[] neg = new double[labels.length - positives];
            for (int i = 0, p = 0, q = 0; i < labels.length; i++) {
                double s = scores[i];
                if (!Double.isFinite(s)) {
                    throw new IllegalArgumentException("score at position " + i + " is not finite: " + s);
                }
                if (labels[i]) {
                    pos[p++] = s + 0.0;
                } else {
                    neg[q++] = s + 0.0;
                }
            }
            Arrays.sort(pos);
            Arrays.sort(neg);
            return new Classes(pos, neg);
        }

        void requireBoth() {
            if (abnormal.length == 0 || normal.length == 0) {
                throw new IllegalArgumentException("AUC is undefined: all " + (abnormal.length + normal.length)
                        + " frames are " + (abnormal.length == 0 ? "normal" : "abnormal"));
            }
        }
    }
}
