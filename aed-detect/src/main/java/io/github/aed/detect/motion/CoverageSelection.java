package io.github.aed.detect.motion;

import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses which proposals fill the per-frame cap by the foreground they cover: a greedy selection that each time takes
 * the proposal adding the most coverage to the boxes already taken.
 *
 * <p>A box is worth its foreground pixels, each weighted by the box's fit {@code q = fill^tightness}, where the fill is
 * the fraction of the box's pixels that are foreground. A foreground pixel counts once, at the best fit of the taken
 * boxes that contain it: a proposal's gain is the sum, over the foreground pixels inside it, of how much its fit
 * exceeds the best fit already covering that pixel. So a box around foreground that no taken box covers gains all its
 * weight; a near-duplicate of a taken box gains nothing; and a tight piece of a loose taken box (a cyclist inside the
 * box of a cyclist and a walker) gains what its tighter fit adds. With {@code tightness} 0 every fit is 1 and the gain
 * is the count of foreground pixels not yet covered.
 *
 * <p>Boxes are half-open pixel coordinates inside the mask. Ties in gain go to the earlier proposal in the given order
 * (the preference order), so once the foreground is covered the remaining places are filled in that order. A proposal
 * whose IoU with a taken box is above the NMS threshold is never taken. The gains only fall as boxes are taken, so the
 * selection re-evaluates a proposal only when it reaches the top of the queue (lazy greedy), which gives the same
 * result as re-evaluating every proposal at every step.
 *
 * <p>Not thread-safe: it reuses one coverage buffer for all frames of a detector.
 */
final class CoverageSelection {

    private final double tightness;
    private final double floor;
    private float[] covered = new float[0];

    /**
     * @param tightness the exponent of the fill ratio in a box's fit, >= 0 (0: plain coverage)
     * @param floor     the least fit of a box, in [0, 1]: fit = floor + (1 - floor) * fill^tightness
     */
    CoverageSelection(double tightness, double floor) {
        if (!(tightness >= 0) || Double.isInfinite(tightness)) {
            throw new IllegalArgumentException("coverage tightness must be >= 0, got " + tightness);
        }
        this.tightness = tightness;
        this.floor = floor;
    }

    /**
     * The indices of the chosen proposals, in the order they were taken.
     *
     * @param mask   the foreground mask, row-major, {@code width * height} bytes, foreground non-zero
     * @param boxes  the proposals in preference order, each inside the mask
     * @param max    the most proposals to take, at least 1 ({@link Integer#MAX_VALUE} for no limit)
     * @param nmsIou a proposal whose IoU with a taken one is above this is never taken
     */
    List<Integer> select(byte[] mask, int width, int height, List<Box> boxes, int max, double nmsIou, int firstTier) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " bytes, expected " + width + "x" + height);
        }
        if (covered.length != mask.length) {
            covered = new float[mask.length];
        } else {
            Arrays.fill(covered, 0f);
        }
        int n = boxes.size();
        int[][] foreground = new int[n][];
        float[] fit = new float[n];
        PriorityQueue<double[]> queue = new PriorityQueue<>(Math.max(1, n),
                (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int i = 0; i < n; i++) {
            Box b = boxes.get(i);
            if (b.xMin() < 0 || b.yMin() < 0 || b.xMax() > width || b.yMax() > height || b.isEmpty()) {
                throw new IllegalArgumentException("proposal " + b + " is not a non-empty box inside the "
                        + width + "x" + height + " mask");
            }
            foreground[i] = foregroundPixels(mask, width, b);
            fit[i] = (float) (floor + (1 - floor) * Math.pow((double) foreground[i].length / b.area(), tightness));
            queue.add(new double[] {i < firstTier ? Double.MAX_VALUE - i : gain(foreground[i], fit[i]), i});
        }
        List<Integer> taken = new ArrayList<>();
        while (taken.size() < max && !queue.isEmpty()) {
            double[] top = queue.poll();
            int i = (int) top[1];
            double current = i < firstTier ? Double.MAX_VALUE - i : gain(foreground[i], fit[i]);
            double[] next = queue.peek();
            if (next != null && (current < next[0] || (current == next[0] && next[1] < i))) {
                queue.add(new double[] {current, i});
                continue;
            }
            if (taken.stream().anyMatch(k -> boxes.get(k).iou(boxes.get(i)) > nmsIou)) {
                continue;
            }
            taken.add(i);
            for (int p : foreground[i]) {
                covered[p] = Math.max(covered[p], fit[i]);
            }
        }
        return taken;
    }

    /**
     * Greedy selection by overlap: each proposal stands for an object that may be there, and the chosen boxes should
     * overlap every proposal as well as possible. Each step takes the box that most raises the sum, over all proposals,
     * of the best IoU between the proposal and a chosen box; ties go to the earlier box. A box whose IoU with a chosen
     * one is above {@code nmsIou} is never chosen.
     */
    static List<Integer> byOverlap(List<Box> boxes, double[] weights, int max, double nmsIou, double exponent, int firstTier) {
        int n = boxes.size();
        double[][] iou = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = boxes.get(i).iou(boxes.get(j));
                iou[i][j] = exponent < 0 ? ((v >= 0.1 ? 0.5 : 0) + (v >= 0.3 ? 0.5 : 0)) : Math.pow(v, exponent);
                iou[j][i] = iou[i][j];
            }
        }
        double[] best = new double[n];
        boolean[] out = new boolean[n];
        List<Integer> taken = new ArrayList<>();
        while (taken.size() < max) {
            int pick = -1;
            double pickGain = -1;
            for (int i = 0; i < n; i++) {
                if (out[i]) {
                    continue;
                }
                if (i < firstTier) {
                    pick = i;
                    break;
                }
                double g = 0;
                for (int h = 0; h < n; h++) {
                    g += weights[h] * Math.max(0, iou[i][h] - best[h]);
                }
                if (g > pickGain) {
                    pick = i;
                    pickGain = g;
                }
            }
            if (pick < 0) {
                break;
            }
            taken.add(pick);
            for (int h = 0; h < n; h++) {
                best[h] = Math.max(best[h], iou[pick][h]);
                out[h] |= boxes.get(pick).iou(boxes.get(h)) > nmsIou;
            }
            out[pick] = true;
        }
        return taken;
    }

    /** What the fit adds over the coverage of these pixels. */
    private double gain(int[] pixels, float fit) {
        double sum = 0;
        for (int p : pixels) {
            sum += Math.max(0f, fit - covered[p]);
        }
        return sum;
    }

    /** The row-major indices of the foreground pixels inside the box. */
    private static int[] foregroundPixels(byte[] mask, int width, Box b) {
        int[] buf = new int[(int) b.area()];
        int count = 0;
        for (int y = b.yMin(); y < b.yMax(); y++) {
            int row = y * width;
            for (int x = b.xMin(); x < b.xMax(); x++) {
                if (mask[row + x] != 0) {
                    buf[count++] = row + x;
                }
            }
        }
        return Arrays.copyOf(buf, count);
    }
}
