package io.github.aed.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Region-based and track-based detection criteria (RBDC, TBDC) of Ramachandra &amp; Jones (Street Scene, WACV 2020),
 * with the semantics of the AED evaluator that SSMTL and later papers report with.
 *
 * <ul>
 *   <li>IoU is computed on inclusive pixel coordinates (width = x_max − x_min + 1), which for this library's half-open
 *       boxes is the ordinary {@link io.github.aed.core.geometry.Box#iou}. A detected region matches a ground-truth
 *       region in the same video and frame when IoU ≥ β.</li>
 *   <li>Detected regions are processed in one global order: descending score, <b>stable</b>, so equal scores keep
 *       the order of {@link ScoredRegions} (the rows of {@code REGIONS.csv}).</li>
 *   <li>A region that matches nothing is a false positive. One that matches ground-truth regions detects each of them
 *       not yet detected (true positives; one region can detect several). One that only matches regions already
 *       detected is <b>neither</b> a true nor a false positive.</li>
 *   <li>A track counts as detected once at least a fraction α of its regions are detected.</li>
 *   <li>The false-positive rate is false positives per test frame: cumulative false positives / {@code numFrames},
 *       where {@code numFrames} is the number of test frames of the whole set (not only the frames with regions).</li>
 *   <li>Both curves start at (0, 0), get one point per detected region, are cut after the last point with FPR ≤ 1
 *       (a point (1, last value) is inserted when that FPR is below 1), and are integrated with the trapezoid
 *       rule.</li>
 * </ul>
 */
public final class RbdcTbdc {

    /** The β and α of the published protocol. */
    public static final double DEFAULT_BETA = 0.1;
    public static final double DEFAULT_ALPHA = 0.1;

    private RbdcTbdc() {
    }

    /**
     * Computes RBDC and TBDC.
     *
     * @param truth     ground-truth tracks; at least one region
     * @param regions   detected regions; may be empty (both criteria are then 0)
     * @param numFrames total number of test frames, the false-positive-rate denominator; at least 1
     * @param alpha     fraction of a track's regions that must be detected for the track to count, in (0, 1]
     * @param beta      IoU a detected region needs with a ground-truth region to detect it, in (0, 1]
     */
    public static RbdcTbdcResult compute(AnomalyTracks truth, ScoredRegions regions, long numFrames, double alpha, double beta) {
        checkFraction("alpha", alpha);
        checkFraction("beta", beta);
        if (numFrames < 1) {
            throw new IllegalArgumentException("numFrames must be at least 1, got " + numFrames);
        }
        if (truth.regionCount() == 0) {
            throw new IllegalArgumentException("RBDC/TBDC need at least one ground-truth region; the tracks have none");
        }
        List<TrackRegion> gt = truth.regions();
        Map<String, Map<Integer, int[]>> byFrame = indexByFrame(gt);
        int[] trackLength = truth.tracks().stream().mapToInt(AnomalyTracks.Track::regions).toArray();
        int[] hits = new int[trackLength.length];
        boolean[] trackDetected = new boolean[trackLength.length];
        boolean[] found = new boolean[gt.size()];

        List<ScoredRegion> dets = regions.regions();
        int[] order = stableDescendingOrder(dets);

        int n = dets.size();
        double[] x = new double[n + 2];
        double[] rbdr = new double[n + 2];
        double[] tbdr = new double[n + 2];
        long fp = 0;
        long tp = 0;
        long neither = 0;
        int tracksDetected = 0;
        int points = 1;
        long fpAtCut = 0;
        for (int k = 0; k < n; k++) {
            ScoredRegion d = dets.get(order[k]);
            long tpBefore = tp;
            int[] candidates = byFrame.getOrDefault(d.video(), Map.of()).get(d.frame());
            boolean matched = false;
            if (candidates != null) {
                for (int g : candidates) {
                    if (gt.get(g).box().iou(d.box()) >= beta) {
                        matched = true;
                        if (!found[g]) {
                            found[g] = true;
                            tp++;
                            int t = gt.get(g).track();
                            hits[t]++;
                            if (!trackDetected[t] && (double) hits[t] / trackLength[t] >= alpha) {
                                trackDetected[t] = true;
                                tracksDetected++;
                            }
                        }
                    }
                }
            }
            if (!matched) {
                fp++;
            } else if (tp == tpBefore) {
                neither++;
            }
            if (fp <= numFrames) {
                fpAtCut = fp;
                x[points] = (double) fp / numFrames;
                rbdr[points] = (double) tp / gt.size();
                tbdr[points] = (double) tracksDetected / trackLength.length;
                points++;
            }
        }
        if (fpAtCut != numFrames) {
            x[points] = 1.0;
            rbdr[points] = rbdr[points - 1];
            tbdr[points] = tbdr[points - 1];
            points++;
        }
        double rbdc = Trapezoid.area(x, rbdr, points);
        double tbdc = Trapezoid.area(x, tbdr, points);
        return new RbdcTbdcResult(rbdc, tbdc, Arrays.copyOf(x, points), Arrays.copyOf(rbdr, points), Arrays.copyOf(tbdr, points),
                tp, fp, neither, tracksDetected, gt.size(), trackLength.length, n, numFrames, alpha, beta);
    }

    /**
     * Region indices by descending score, equal scores in input order. Each region's key is its score's rank among
     * the distinct scores (descending) in the high 32 bits and its index in the low 32 bits, so a primitive sort of
     * the keys gives the stable order without boxing.
     */
    private static int[] stableDescendingOrder(List<ScoredRegion> dets) {
        double[] distinct = new double[dets.size()];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = dets.get(i).score();
        }
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[m - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        long[] keys = new long[dets.size()];
        for (int i = 0; i < keys.length; i++) {
            long rankFromTop = m - 1 - Arrays.binarySearch(distinct, 0, m, dets.get(i).score());
            keys[i] = rankFromTop << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    private static Map<String, Map<Integer, int[]>> indexByFrame(List<TrackRegion> gt) {
        Map<String, Map<Integer, List<Integer>>> lists = new HashMap<>();
        for (int i = 0; i < gt.size(); i++) {
            TrackRegion r = gt.get(i);
            lists.computeIfAbsent(r.video(), v -> new HashMap<>()).computeIfAbsent(r.frame(), f -> new ArrayList<>()).add(i);
        }
        Map<String, Map<Integer, int[]>> index = new HashMap<>();
        lists.forEach((video, frames) -> {
            Map<Integer, int[]> m = new HashMap<>();
            frames.forEach((frame, ids) -> m.put(frame, ids.stream().mapToInt(Integer::intValue).toArray()));
            index.put(video, m);
        });
        return index;
    }

    private static void checkFraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
        }
    }
}
