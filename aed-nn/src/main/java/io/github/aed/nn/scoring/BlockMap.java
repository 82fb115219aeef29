package io.github.aed.nn.scoring;

import io.github.aed.core.geometry.Box;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The geometry of a frame's anomaly map at block resolution, and the operations on one frame's map: {@code rows × cols}
 * floats, row-major, where a block covers {@code blockSize × blockSize} pixels and {@code rows = rint(height / blockSize)}.
 */
final class BlockMap {

    final int rows;
    final int cols;
    final int blockSize;
    final int width;
    final int height;

    BlockMap(int width, int height, int blockSize) {
        this.width = width;
        this.height = height;
        this.blockSize = blockSize;
        this.rows = Math.max(1, (int) Math.rint((double) height / blockSize));
        this.cols = Math.max(1, (int) Math.rint((double) width / blockSize));
    }

    float[] newFrame() {
        return new float[rows * cols];
    }

    /**
     * Raises the blocks under a box to at least {@code score}: rows {@code rint(yMin/bs) .. rint(yMax/bs)} inclusive,
     * likewise for columns, clipped to the map (the reference's block mapping, with the half-open box corners).
     */
    void splat(float[] map, Box box, double score) {
        int r0 = Math.min(rows - 1, (int) Math.rint((double) box.yMin() / blockSize));
        int r1 = Math.min(rows - 1, (int) Math.rint((double) box.yMax() / blockSize));
        int c0 = Math.min(cols - 1, (int) Math.rint((double) box.xMin() / blockSize));
        int c1 = Math.min(cols - 1, (int) Math.rint((double) box.xMax() / blockSize));
        float s = (float) score;
        for (int r = Math.max(0, r0); r <= r1; r++) {
            for (int c = Math.max(0, c0); c <= c1; c++) {
                if (map[r * cols + c] < s) {
                    map[r * cols + c] = s;
                }
            }
        }
    }

    /** The mean over rows and columns of width {@code size} (odd), 'reflect' boundary, as a new map. */
    float[] spatialMean(float[] map, int size) {
        float[] out = map.clone();
        if (size > 1) {
            meanAlong(out, size, cols, rows, 1, cols);
            meanAlong(out, size, rows, cols, cols, 1);
        }
        return out;
    }

    /** In-place mean over {@code n} samples {@code stride} apart, for {@code lanes} lanes {@code laneStride} apart. */
    private static void meanAlong(float[] values, int size, int n, int lanes, int stride, int laneStride) {
        double[] line = new double[n];
        for (int lane = 0; lane < lanes; lane++) {
            int start = lane * laneStride;
            for (int i = 0; i < n; i++) {
                line[i] = values[start + i * stride];
            }
            double[] m = boxMean(line, n, size);
            for (int i = 0; i < n; i++) {
                values[start + i * stride] = (float) m[i];
            }
        }
    }

    /** Maximum of a map's blocks. */
    static double max(float[] map) {
        float best = Float.NEGATIVE_INFINITY;
        for (float v : map) {
            best = Math.max(best, v);
        }
        return best;
    }

    /** For each box, the maximum of the map resized bilinearly to the frame ({@code cv::resize}) inside the box. */
    double[] maxInBoxes(float[] map, List<Box> boxes) {
        double[] out = new double[boxes.size()];
        try (Mat blocks = new Mat(rows, cols, opencv_core.CV_32F); Mat full = new Mat(); Size size = new Size(width, height);
             DoublePointer max = new DoublePointer(1)) {
            new FloatPointer(blocks.data()).put(map);
            opencv_imgproc.resize(blocks, full, size, 0, 0, opencv_imgproc.INTER_LINEAR);
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                try (Rect r = new Rect(b.xMin(), b.yMin(), b.width(), b.height()); Mat roi = full.apply(r)) {
                    opencv_core.minMaxLoc(roi, null, max, null, null, null);
                    out[i] = max.get();
                }
            }
        }
        return out;
    }

    /** 1D mean of width {@code size} (odd) over the first {@code n} values, 'reflect' boundary: ... c b a | a b c ... */
    static double[] boxMean(double[] x, int n, int size) {
        int half = size / 2;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int k = -half; k <= half; k++) {
                acc += x[reflect(i + k, n)];
            }
            out[i] = acc / size;
        }
        return out;
    }

    /** scipy.ndimage 'reflect' index: the sequence mirrored about its edges, edge samples repeated. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
