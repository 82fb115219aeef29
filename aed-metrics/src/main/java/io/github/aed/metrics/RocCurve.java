package io.github.aed.metrics;

import java.util.Arrays;

/**
 * A frame-level ROC curve: one point per distinct score, from (0, 0) (threshold above every score) to (1, 1).
 *
 * <p>Point {@code i} counts a frame as abnormal when its score is {@code >= thresholds()[i]}; {@code thresholds()[0]}
 * is {@code +Infinity}. Tied scores form one point, so the trapezoid {@link #area()} equals the tie-corrected AUC
 * ({@link Auc#auc}). Rates are fractions in [0, 1]. Instances are immutable; accessors return copies.
 */
public final class RocCurve {

    private final double[] falsePositiveRates;
    private final double[] truePositiveRates;
    private final double[] thresholds;

    RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {
        this.falsePositiveRates = falsePositiveRates;
        this.truePositiveRates = truePositiveRates;
        this.thresholds = thresholds;
    }

    /** Number of points, including (0, 0). */
    public int size() {
        return thresholds.length;
    }

    /** False-positive rate (normal frames flagged / normal frames) of each point, non-decreasing. */
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /** True-positive rate (abnormal frames flagged / abnormal frames) of each point, non-decreasing. */
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /** The score threshold of each point, decreasing; the first is {@code +Infinity}. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The trapezoid area under the curve; equal to {@link Auc#auc} on the same frames. */
    public double area() {
        return Trapezoid.area(falsePositiveRates, truePositiveRates, falsePositiveRates.length);
    }

    /**
     * The equal error rate: the rate at which the false-positive rate equals the false-negative rate
     * (1 − true-positive rate), read off the curve with linear interpolation between its points.
     */
    public double equalErrorRate() {
        int i = eerSegment();
        double d0 = falsePositiveRates[i] - (1 - truePositiveRates[i]);
        double d1 = falsePositiveRates[i + 1] - (1 - truePositiveRates[i + 1]);
        double t = d0 == d1 ? 0 : d0 / (d0 - d1);
        return falsePositiveRates[i] + t * (falsePositiveRates[i + 1] - falsePositiveRates[i]);
    }

    /**
     * The score threshold of the first point at which the false-positive rate reaches the false-negative rate: flag
     * frames with a score {@code >=} it to operate near the {@link #equalErrorRate() equal error rate}.
     */
    public double equalErrorThreshold() {
        return thresholds[eerSegment() + 1];
    }

    /** The segment [i, i+1] on which FPR − FNR changes sign; it goes from −1 at (0, 0) to +1 at (1, 1). */
    private int eerSegment() {
        for (int i = 0; i + 1 < thresholds.length; i++) {
            if (falsePositiveRates[i + 1] - (1 - truePositiveRates[i + 1]) >= 0) {
                return i;
            }
        }
        throw new IllegalStateException("ROC curve does not reach (1, 1): " + Arrays.toString(falsePositiveRates));
    }

    @Override
    public String toString() {
        return "RocCurve[" + size() + " points, area " + area() + "]";
    }
}
