package io.github.aed.nn.scoring;

import io.github.aed.core.geometry.Box;

/**
 * A video's anomaly map at block resolution: {@code frames × rows × cols} floats, where a block covers
 * {@code blockSize × blockSize} pixels ({@code rows = rint(height / blockSize)}). Object scores are splatted with a
 * running maximum; a separable cubic mean filter with scipy's 'reflect' boundary (edge sample repeated) smooths it.
 */
final class BlockMap {

    final int frames;
    final int rows;
    final int cols;
    final int blockSize;
    final float[] values;

    BlockMap(int frames, int width, int height, int blockSize) {
        this.frames = frames;
        this.blockSize = blockSize;
        this.rows = Math.max(1, (int) Math.rint((double) height / blockSize));
        this.cols = Math.max(1, (int) Math.rint((double) width / blockSize));
        this.values = new float[Math.multiplyExact(Math.multiplyExact(frames, rows), cols)];
    }

    /**
     * Raises the blocks under a box to at least {@code score}: rows {@code rint(yMin/bs) .. rint(yMax/bs)} inclusive,
     * likewise for columns, clipped to the map (the reference's block mapping, with the half-open box corners).
     */
    void splat(int frame, Box box, double score) {
        int r0 = Math.min(rows - 1, (int) Math.rint((double) box.yMin() / blockSize));
        int r1 = Math.min(rows - 1, (int) Math.rint((double) box.yMax() / blockSize));
        int c0 = Math.min(cols - 1, (int) Math.rint((double) box.xMin() / blockSize));
        int c1 = Math.min(cols - 1, (int) Math.rint((double) box.xMax() / blockSize));
        float s = (float) score;
        for (int r = Math.max(0, r0); r <= r1; r++) {
            int base = (frame * rows + r) * cols;
            for (int c = Math.max(0, c0); c <= c1; c++) {
                if (values[base + c] < s) {
                    values[base + c] = s;
                }
            }
        }
    }

    /** Applies a size³ mean filter in place (size odd). */
    void meanFilter(int size) {
        if (size <= 1) {
            return;
        }
        meanAlong(size, frames, rows * cols, 1);
        for (int f = 0; f < frames; f++) {
            meanAlongWithin(size, f * rows * cols, rows, cols, cols, 1);
            meanAlongWithin(size, f * rows * cols, cols, rows, 1, cols);
        }
    }

    /** Mean along the time axis: {@code n} samples with stride {@code stride}, for each of {@code lanes} lanes. */
    private void meanAlong(int size, int n, int stride, int laneStep) {
        double[] line = new double[n];
        for (int lane = 0; lane < stride; lane += laneStep) {
            for (int i = 0; i < n; i++) {
                line[i] = values[lane + i * stride];
            }
            double[] out = boxMean(line, size);
            for (int i = 0; i < n; i++) {
                values[lane + i * stride] = (float) out[i];
            }
        }
    }

    /** Mean along one in-frame axis: {@code n} samples with stride {@code stride}, lanes {@code laneStride} apart. */
    private void meanAlongWithin(int size, int offset, int n, int lanes, int stride, int laneStride) {
        double[] line = new double[n];
        for (int lane = 0; lane < lanes; lane++) {
            int start = offset + lane * laneStride;
            for (int i = 0; i < n; i++) {
                line[i] = values[start + i * stride];
            }
            double[] out = boxMean(line, size);
            for (int i = 0; i < n; i++) {
                values[start + i * stride] = (float) out[i];
            }
        }
    }

    /** 1D mean of width {@code size} (odd) with 'reflect' boundary: ... c b a | a b c ... */
    static double[] boxMean(double[] x, int size) {
        int n = x.length;
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

    /** Maximum of frame f's blocks. */
    double frameMax(int f) {
        float best = Float.NEGATIVE_INFINITY;
        int base = f * rows * cols;
        for (int i = 0; i < rows * cols; i++) {
            best = Math.max(best, values[base + i]);
        }
        return best;
    }

    /** A copy of frame f's blocks, row-major. */
    float[] frame(int f) {
        float[] out = new float[rows * cols];
        System.arraycopy(values, f * rows * cols, out, 0, out.length);
        return out;
    }
}
