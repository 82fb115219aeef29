package io.github.aed.detect.motion;

import io.github.aed.core.geometry.Box;
import io.github.aed.detect.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which proposals fill a per-frame cap by how well the chosen boxes overlap all the proposals.
 *
 * <p>Every proposal stands for an object that may be there. A proposal {@code h} is served by the chosen box that
 * overlaps it best, with the value {@code IoU(b, h)^exponent}; the selection is greedy on the sum of these values:
 * each step takes the box that raises the sum most. So a near-duplicate of a chosen box adds little, a box that stands
 * apart adds at least the 1 it serves itself with, and a box that fits several proposals well (an object also proposed
 * as a core or a piece) adds the most. A larger exponent values a tight fit more against a loose one: at 3, a box with IoU 0.5
 * serves a proposal to one eighth.
 *
 * <p>Boxes are half-open pixel boxes. Ties go to the earlier proposal in the given order (the preference order). A box
 * whose IoU with a chosen one is above {@code nmsIou} is never chosen. The cost is {@code O(max * n^2)} for {@code n}
 * proposals; stateless and thread-safe.
 */
final class OverlapSelection {

    private OverlapSelection() {
    }

    /**
     * The indices of the chosen proposals, in the order they were chosen.
     *
     * @param boxes    the proposals in preference order
     * @param max      the most proposals to choose, at least 0 ({@link Integer#MAX_VALUE} for no limit)
     * @param nmsIou   a box whose IoU with a chosen one is above this is never chosen, in [0, 1]
     * @param exponent the power of the IoU that measures how well a box serves a proposal, > 0
     */
    static List<Integer> select(List<Box> boxes, int max, double nmsIou, double exponent) {
        int n = boxes.size();
        Check.positive("overlap exponent", exponent);
        double[][] iou = new double[n][n];
        double[][] value = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                iou[i][j] = boxes.get(i).iou(boxes.get(j));
                iou[j][i] = iou[i][j];
                value[i][j] = Math.pow(iou[i][j], exponent);
                value[j][i] = value[i][j];
            }
        }
        double[] served = new double[n];
        boolean[] out = new boolean[n];
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < max) {
            int pick = -1;
            double pickGain = -1;
            for (int i = 0; i < n; i++) {
                if (out[i]) {
                    continue;
                }
                double gain = 0;
                for (int h = 0; h < n; h++) {
                    gain += Math.max(0, value[i][h] - served[h]);
                }
                if (gain > pickGain) {
                    pick = i;
                    pickGain = gain;
                }
            }
            if (pick < 0) {
                break;
            }
            chosen.add(pick);
            out[pick] = true;
            for (int h = 0; h < n; h++) {
                served[h] = Math.max(served[h], value[pick][h]);
                out[h] |= iou[pick][h] > nmsIou;
            }
        }
        return chosen;
    }
}
