package io.github.aed.detect.motion;

import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The motion detector's valley split: cuts a merged foreground object where its count of foreground pixels per column
 * (objects side by side) or per row (one above the other) has a valley at most {@code ratio} times the smaller of the
 * peaks on either side, and shrinks each piece's box to its foreground pixels (a cyclist beside a walker comes apart).
 * Holds one OpenCV buffer: close it. One instance per detector.
 */
final class ValleySplit implements AutoCloseable {

    /** The narrowest piece, in pixels, that the valley split cuts off. */
    static final int MIN_VALLEY_PIECE = 5;

    /** The 3-pixel smoothing of a column profile (one row) and of a row profile (one column). */
    private static final Size ALONG_ROW = new Size(3, 1);
    private static final Size ALONG_COLUMN = new Size(1, 3);

    private final double ratio;
    private final Mat profile = new Mat();

    /** @param ratio the depth a valley must reach, as a fraction of the lower shoulder */
    ValleySplit(double ratio) {
        this.ratio = ratio;
    }

    /**
     * The pieces of a merged object that splits at a valley of its foreground density, or none: the object is cut at
     * the valleys of its column counts (side by side), each piece at those of its row counts (one above the other), and
     * every piece's box is shrunk to its foreground pixels.
     */
    List<Blob> pieces(Mat foreground, Blob object) {
        List<Blob> pieces = new ArrayList<>();
        for (Blob column : pieces(foreground, object, true)) {
            pieces.addAll(pieces(foreground, column, false));
        }
        return pieces.size() > 1 ? pieces : List.of();
    }

    /** The blob itself when it has no valley along that axis, else its tightened pieces (empty ones left out). */
    private List<Blob> pieces(Mat foreground, Blob blob, boolean columns) {
        List<Box> cut = valleys(foreground, blob.box(), columns);
        if (cut.size() == 1) {
            return List.of(blob);
        }
        List<Blob> out = new ArrayList<>(cut.size());
        for (Box b : cut) {
            Blob t = tighten(foreground, b);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The box cut at the valleys of its foreground count per column (or per row), smoothed over 3 pixels: a line is a
     * valley when its count is at most {@code ratio} times the smaller of the highest counts on either side, and
     * the deepest valley is cut first, recursively. Pieces are at least {@link #MIN_VALLEY_PIECE} pixels wide.
     */
    private List<Box> valleys(Mat foreground, Box box, boolean columns) {
        if ((columns ? box.width() : box.height()) <= 2 * MIN_VALLEY_PIECE) {
            return List.of(box);
        }
        try (Rect rect = new Rect(box.xMin(), box.yMin(), box.width(), box.height()); Mat roi = new Mat(foreground, rect)) {
            opencv_core.reduce(roi, profile, columns ? 0 : 1, opencv_core.REDUCE_SUM, opencv_core.CV_32F);
        }
        opencv_imgproc.blur(profile, profile, columns ? ALONG_ROW : ALONG_COLUMN);
        float[] counts = new float[(int) profile.total()];
        new FloatPointer(profile.data()).get(counts);
        List<int[]> ranges = new ArrayList<>();
        cut(counts, 0, counts.length, ranges);
        List<Box> out = new ArrayList<>(ranges.size());
        for (int[] r : ranges) {
            out.add(columns ? new Box(box.xMin() + r[0], box.yMin(), box.xMin() + r[1], box.yMax())
                    : new Box(box.xMin(), box.yMin() + r[0], box.xMax(), box.yMin() + r[1]));
        }
        return out;
    }

    /** Adds the pieces of [from, to) of the profile, cut at its deepest valley if that is deep enough, to out. */
    private void cut(float[] counts, int from, int to, List<int[]> out) {
        int lo = from + MIN_VALLEY_PIECE;
        int hi = to - MIN_VALLEY_PIECE;
        if (lo >= hi) {
            out.add(new int[] {from, to});
            return;
        }
        float[] rightMax = new float[to - from + 1];
        for (int i = to - 1; i >= from; i--) {
            rightMax[i - from] = Math.max(counts[i], rightMax[i - from + 1]);
        }
        float leftMax = 0;
        for (int i = from; i < lo; i++) {
            leftMax = Math.max(leftMax, counts[i]);
        }
        int best = -1;
        double bestDepth = Double.MAX_VALUE;
        for (int c = lo; c < hi; c++) {
            float shoulder = Math.min(leftMax, rightMax[c + 1 - from]);
            if (shoulder > 0 && counts[c] / shoulder < bestDepth) {
                bestDepth = counts[c] / shoulder;
                best = c;
            }
            leftMax = Math.max(leftMax, counts[c]);
        }
        if (best < 0 || bestDepth > ratio) {
            out.add(new int[] {from, to});
            return;
        }
        cut(counts, from, best, out);
        cut(counts, best, to, out);
    }

    /** The box shrunk to the foreground pixels inside it, with their count; null when it holds none. */
    private static Blob tighten(Mat foreground, Box box) {
        try (Rect rect = new Rect(box.xMin(), box.yMin(), box.width(), box.height()); Mat roi = new Mat(foreground, rect);
             Rect r = opencv_imgproc.boundingRect(roi)) {
            if (r.width() == 0 || r.height() == 0) {
                return null;
            }
            return new Blob(Box.ofSize(box.xMin() + r.x(), box.yMin() + r.y(), r.width(), r.height()),
                    opencv_core.countNonZero(roi));
        }
    }

    @Override
    public void close() {
        profile.close();
    }
}
