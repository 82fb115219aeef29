package io.github.aed.core.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 8-connected components of a binary mask, as bounding boxes with pixel counts: the one mask-to-box routine of
 * the project (motion detection, ground-truth tracks derived from pixel masks, benchmark regions).
 *
 * <p>It is written in Java rather than calling OpenCV's {@code connectedComponentsWithStats} so that modules without
 * native libraries (aed-metrics) can label masks too. It gives the same components, boxes, pixel counts <em>and
 * order</em> as OpenCV 4.5's {@code connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S)}
 * (property-tested against it): OpenCV's default 8-connected algorithm scans the image in 2×2 blocks, so components
 * are numbered in the order in which the scan first meets them, the blocks taken row pair by row pair, left to right.
 *
 * <p>Labelling works on runs: each row's runs of non-zero pixels are joined by union-find to the runs of the previous
 * row they touch (8-connectivity: overlapping or diagonally adjacent). Time and memory grow with the number of
 * pixels read plus the number of runs, not with the number of pixels set; there is no per-pixel label image.
 *
 * <p><b>Coordinates:</b> the mask is row-major, {@code width * height} bytes, x to the right and y downwards from the
 * top-left pixel (0, 0); a non-zero byte is a foreground pixel. Boxes follow {@link Box}'s half-open convention: a
 * component whose pixels span columns 3..7 and rows 2..4 has the box {@code [3, 8) × [2, 5)}. Stateless and
 * thread-safe.
 */
public final class MaskComponents {

    private MaskComponents() {
    }

    /**
     * One 8-connected component.
     *
     * @param box    the smallest half-open box holding all its pixels, in mask pixel coordinates
     * @param pixels the number of its pixels (at least 1)
     */
    public record Component(Box box, int pixels) {
    }

    /**
     * The 8-connected components of the non-zero pixels of a mask, in OpenCV's label order (see the class comment);
     * empty when no pixel is set.
     *
     * @param mask   {@code width * height} bytes, row-major; non-zero = foreground. Not modified
     * @param width  columns, at least 0
     * @param height rows, at least 0
     * @throws IllegalArgumentException if the size is negative or does not match the array's length
     */
    public static List<Component> find(byte[] mask, int width, int height) {
        if (width < 0 || height < 0 || (long) width * height != mask.length) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + (long) width * height
                    + " bytes, got " + mask.length);
        }
        Runs runs = new Runs();
        int previousFirst = 0;
        for (int y = 0; y < height; y++) {
            int rowFirst = runs.count;
            int offset = y * width;
            int previous = previousFirst;
            int x = 0;
            while (x < width) {
                if (mask[offset + x] == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && mask[offset + x] != 0) {
                    x++;
                }
                int run = runs.add(y, start, x);
                // previous-row runs [ps, pe) that touch [start, x) with 8-connectivity: ps <= x and pe >= start
                while (previous < rowFirst && runs.end[previous] < start) {
                    previous++;
                }
                for (int p = previous; p < rowFirst && runs.start[p] <= x; p++) {
                    runs.union(p, run);
                }
            }
            previousFirst = rowFirst;
        }
        return runs.components(width);
    }

    /** Runs of set pixels in scan order, with a union-find forest over them. */
    private static final class Runs {
        int count;
        int[] row = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];
        int[] parent = new int[64];

        int add(int y, int x0, int x1) {
            if (count == row.length) {
                int n = count * 2;
                row = Arrays.copyOf(row, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                parent = Arrays.copyOf(parent, n);
            }
            row[count] = y;
            start[count] = x0;
            end[count] = x1;
            parent[count] = count;
            return count++;
        }

        int root(int i) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            while (parent[i] != r) {
                int next = parent[i];
                parent[i] = r;
                i = next;
            }
            return r;
        }

        /** Joins two runs' sets; the root is the earlier run. */
        void union(int a, int b) {
            int ra = root(a);
            int rb = root(b);
            if (ra < rb) {
                parent[rb] = ra;
            } else if (rb < ra) {
                parent[ra] = rb;
            }
        }

        /** Each set's box and pixel count, ordered by the first 2×2 block (row pair, then column pair) it touches. */
        List<Component> components(int width) {
            int[] slot = new int[count];
            int sets = 0;
            for (int i = 0; i < count; i++) {
                int r = root(i);
                slot[i] = r == i ? sets++ : slot[r];
            }
            int[] x0 = new int[sets];
            int[] y0 = new int[sets];
            int[] x1 = new int[sets];
            int[] y1 = new int[sets];
            int[] pixels = new int[sets];
            long[] firstBlock = new long[sets];
            Arrays.fill(x0, Integer.MAX_VALUE);
            Arrays.fill(firstBlock, Long.MAX_VALUE);
            long blocksPerRow = (width + 1L) / 2;
            for (int i = 0; i < count; i++) {
                int s = slot[i];
                x0[s] = Math.min(x0[s], start[i]);
                x1[s] = Math.max(x1[s], end[i]);
                if (pixels[s] == 0) {
                    y0[s] = row[i];
                }
                y1[s] = row[i] + 1;
                pixels[s] += end[i] - start[i];
                firstBlock[s] = Math.min(firstBlock[s], (row[i] >> 1) * blocksPerRow + (start[i] >> 1));
            }
            Integer[] order = new Integer[sets];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(firstBlock[a], firstBlock[b]));
            List<Component> out = new ArrayList<>(sets);
            for (int s : order) {
                out.add(new Component(new Box(x0[s], y0[s], x1[s], y1[s]), pixels[s]));
            }
            return out;
        }
    }
}
