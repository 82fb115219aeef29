package io.github.aed.detect.dnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns one raw output tensor of a detection network ({@link DnnOutputFormat}) into candidate boxes in input pixels,
 * before non-maximum suppression.
 *
 * <p>Like the reference YOLOv3 pipeline, a box yields one candidate for <em>each</em> class whose score reaches the
 * threshold (so per-class NMS can keep a box as, say, both "bicycle" and "person"); each candidate carries the box's
 * full per-class score vector (SSD outputs have none). Pure Java, no native state: thread-safe.
 */
public final class OutputDecoder {

    private OutputDecoder() {
    }

    /**
     * One candidate detection in input pixels.
     *
     * @param x0          left edge, input pixels
     * @param y0          top edge
     * @param x1          right edge (exclusive)
     * @param y1          bottom edge (exclusive)
     * @param classId     0-based class
     * @param score       the class's score in [0, 1]
     * @param classScores the box's score for every class, or {@code null} (SSD)
     */
    public record Candidate(double x0, double y0, double x1, double y1, int classId, float score, float[] classScores) {
    }

    /**
     * Decodes a tensor.
     *
     * @param format         its layout
     * @param data           its values in row-major order
     * @param shape          its shape, e.g. {@code [1, 25200, 85]}
     * @param inputWidth     the network's input width in pixels (normalised coordinates are multiplied by it)
     * @param inputHeight    the network's input height
     * @param scoreThreshold candidates below this score are dropped
     * @param classes        the class ids kept; empty keeps all
     * @throws IllegalArgumentException if the shape does not fit the format or the data length
     */
    public static List<Candidate> decode(DnnOutputFormat format, float[] data, int[] shape, int inputWidth, int inputHeight,
            double scoreThreshold, Set<Integer> classes) {
        long total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (total != data.length) {
            throw new IllegalArgumentException("output of shape " + Arrays.toString(shape) + " needs " + total
                    + " values, got " + data.length);
        }
        List<Candidate> out = new ArrayList<>();
        switch (format) {
            case DARKNET -> {
                int[] rc = rowsAndColumns(shape, format, 6);
                rowMajor(data, rc[0], rc[1], 5, inputWidth, inputHeight, false, scoreThreshold, classes, out);
            }
            case YOLOV5 -> {
                int[] rc = rowsAndColumns(shape, format, 6);
                rowMajor(data, rc[0], rc[1], 5, 1, 1, true, scoreThreshold, classes, out);
            }
            case YOLOV8 -> yolov8(data, shape, scoreThreshold, classes, out);
            case SSD -> ssd(data, shape, inputWidth, inputHeight, scoreThreshold, classes, out);
        }
        return out;
    }

    /** [rows, cols] of a 2D tensor or a 3D one with batch 1. */
    private static int[] rowsAndColumns(int[] shape, DnnOutputFormat format, int minCols) {
        int rows;
        int cols;
        if (shape.length == 2) {
            rows = shape[0];
            cols = shape[1];
        } else if (shape.length == 3 && shape[0] == 1) {
            rows = shape[1];
            cols = shape[2];
        } else {
            throw new IllegalArgumentException(format + " output must be [N, K] or [1, N, K], got " + Arrays.toString(shape));
        }
        if (cols < minCols) {
            throw new IllegalArgumentException(format + " output rows need at least " + minCols + " values (box, "
                    + "objectness, one class), got shape " + Arrays.toString(shape));
        }
        return new int[] {rows, cols};
    }

    private static void rowMajor(float[] data, int rows, int cols, int first, double xScale, double yScale,
            boolean multiplyObjectness, double threshold, Set<Integer> classes, List<Candidate> out) {
        int nc = cols - first;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float obj = data[o + 4];
            float[] scores = new float[nc];
            float best = 0;
            for (int c = 0; c < nc; c++) {
                scores[c] = clampScore(multiplyObjectness ? obj * data[o + first + c] : data[o + first + c]);
                best = Math.max(best, scores[c]);
            }
            if (best < threshold) {
                continue;
            }
            double cx = data[o] * xScale;
            double cy = data[o + 1] * yScale;
            double w = data[o + 2] * xScale;
            double h = data[o + 3] * yScale;
            emit(cx, cy, w, h, scores, threshold, classes, out);
        }
    }

    private static void yolov8(float[] data, int[] shape, double threshold, Set<Integer> classes, List<Candidate> out) {
        if (shape.length != 3 || shape[0] != 1 || shape[1] < 5) {
            throw new IllegalArgumentException("YOLOV8 output must be [1, 4+C, N] with C >= 1, got " + Arrays.toString(shape));
        }
        int features = shape[1];
        int n = shape[2];
        int nc = features - 4;
        for (int i = 0; i < n; i++) {
            float[] scores = new float[nc];
            float best = 0;
            for (int c = 0; c < nc; c++) {
                scores[c] = clampScore(data[(4 + c) * n + i]);
                best = Math.max(best, scores[c]);
            }
            if (best < threshold) {
                continue;
            }
            emit(data[i], data[n + i], data[2 * n + i], data[3 * n + i], scores, threshold, classes, out);
        }
    }

    private static void emit(double cx, double cy, double w, double h, float[] scores, double threshold,
            Set<Integer> classes, List<Candidate> out) {
        for (int c = 0; c < scores.length; c++) {
            if (scores[c] >= threshold && (classes.isEmpty() || classes.contains(c))) {
                out.add(new Candidate(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, c, scores[c], scores));
            }
        }
    }

    private static void ssd(float[] data, int[] shape, int inputWidth, int inputHeight, double threshold, Set<Integer> classes,
            List<Candidate> out) {
        if (shape.length != 4 || shape[3] != 7) {
            throw new IllegalArgumentException("SSD output must be [1, 1, N, 7], got " + Arrays.toString(shape));
        }
        int n = data.length / 7;
        for (int i = 0; i < n; i++) {
            int o = i * 7;
            float score = clampScore(data[o + 2]);
            int cls = Math.round(data[o + 1]);
            if (score < threshold || cls < 0 || !(classes.isEmpty() || classes.contains(cls))) {
                continue;
            }
            out.add(new Candidate(data[o + 3] * inputWidth, data[o + 4] * inputHeight, data[o + 5] * inputWidth,
                    data[o + 6] * inputHeight, cls, score, null));
        }
    }

    private static float clampScore(float v) {
        return Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
    }
}
