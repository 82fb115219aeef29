package io.github.aed.metrics;

/**
 * RBDC and TBDC with their curves and counts. Computed by {@link RbdcTbdc#compute}.
 *
 * <p>The curve arrays hold the points after the cut at FPR = 1: {@code falsePositiveRates[i]} is false positives per
 * test frame after the first {@code i} regions in score order (point 0 is the origin), and the two detection rates are
 * the fraction of ground-truth regions and of tracks detected by then. The arrays are copied in and out.
 *
 * @param rbdc                 area under the region-based detection rate over FPR ∈ [0, 1], a fraction in [0, 1]
 * @param tbdc                 area under the track-based detection rate over FPR ∈ [0, 1], a fraction in [0, 1]
 * @param falsePositiveRates   the curves' x values
 * @param regionDetectionRates RBDR at each point
 * @param trackDetectionRates  TBDR at each point
 * @param truePositives        ground-truth regions detected by all regions together
 * @param falsePositives       regions that matched no ground-truth region
 * @param repeatDetections     regions that matched only already detected ground-truth regions (neither true nor false
 *                             positives)
 * @param tracksDetected       tracks detected by all regions together
 * @param groundTruthRegions   number of ground-truth regions
 * @param groundTruthTracks    number of ground-truth tracks
 * @param detectedRegions      number of regions evaluated
 * @param numFrames            the false-positive-rate denominator (test frames)
 * @param alpha                the track-detection fraction used
 * @param beta                 the IoU threshold used
 */
public record RbdcTbdcResult(double rbdc, double tbdc, double[] falsePositiveRates, double[] regionDetectionRates,
        double[] trackDetectionRates, long truePositives, long falsePositives, long repeatDetections, int tracksDetected,
        int groundTruthRegions, int groundTruthTracks, int detectedRegions, long numFrames, double alpha, double beta) {

    /** Copies the curves. */
    public RbdcTbdcResult {
        falsePositiveRates = falsePositiveRates.clone();
        regionDetectionRates = regionDetectionRates.clone();
        trackDetectionRates = trackDetectionRates.clone();
    }

    @Override
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    @Override
    public double[] regionDetectionRates() {
        return regionDetectionRates.clone();
    }

    @Override
    public double[] trackDetectionRates() {
        return trackDetectionRates.clone();
    }
}
