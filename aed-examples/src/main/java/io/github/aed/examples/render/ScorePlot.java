package io.github.aed.examples.render;

import io.github.aed.core.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws frame-score timelines with OpenCV: the score curve in blue over the frames, abnormal ground-truth frames shaded
 * red, an optional cursor. Used for the PNG plots of the demo and the benchmark, and under the frames of annotated
 * videos.
 */
public final class ScorePlot {

    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);
    private static final Scalar SHADE = new Scalar(200, 200, 255, 0);
    private static final Scalar CURVE = new Scalar(170, 60, 0, 0);
    private static final Scalar AXIS = new Scalar(90, 90, 90, 0);
    private static final Scalar CURSOR = new Scalar(0, 0, 0, 0);

    /** One panel of a plot: a video's name, its frame scores and (optionally) its 0/1 ground-truth labels. */
    public record Series(String title, double[] scores, int[] labels) {
        /** Checks that the labels, when given, have one entry per score. */
        public Series {
            if (labels != null && labels.length != scores.length) {
                throw new InvalidInputException(title + ": " + scores.length + " scores but " + labels.length + " labels");
            }
        }
    }

    private ScorePlot() {
    }

    /**
     * A timeline panel, BGR, {@code width × height} pixels. Scores are drawn on a common scale {@code [lo, hi]}; the
     * cursor (a frame index, or -1 for none) marks the current frame.
     */
    public static Mat timeline(Series s, int width, int height, double lo, double hi, int cursor) {
        Mat panel = new Mat(height, width, opencv_core.CV_8UC3, WHITE);
        int n = s.scores().length;
        int top = 14;
        int bottom = height - 4;
        if (s.labels() != null) {
            for (int f = 0; f < n; f++) {
                if (s.labels()[f] == 1) {
                    int x0 = x(f, n, width);
                    int x1 = Math.max(x0 + 1, x(f + 1, n, width));
                    opencv_imgproc.rectangle(panel, new Rect(x0, top, x1 - x0, bottom - top), SHADE, -1, opencv_imgproc.LINE_8, 0);
                }
            }
        }
        opencv_imgproc.line(panel, new Point(0, bottom), new Point(width - 1, bottom), AXIS, 1, opencv_imgproc.LINE_8, 0);
        double span = hi > lo ? hi - lo : 1;
        Point previous = null;
        for (int f = 0; f < n; f++) {
            int y = bottom - (int) Math.round((s.scores()[f] - lo) / span * (bottom - top));
            Point p = new Point(x(f, n, width) + Math.max(0, width / Math.max(1, n) / 2), Math.max(top, Math.min(bottom, y)));
            if (previous != null) {
                opencv_imgproc.line(panel, previous, p, CURVE, 1, opencv_imgproc.LINE_AA, 0);
            }
            previous = p;
        }
        if (cursor >= 0 && cursor < n) {
            int cx = x(cursor, n, width);
            opencv_imgproc.line(panel, new Point(cx, top), new Point(cx, bottom), CURSOR, 1, opencv_imgproc.LINE_8, 0);
        }
        opencv_imgproc.putText(panel, s.title(), new Point(4, 11), opencv_imgproc.FONT_HERSHEY_PLAIN, 0.8, AXIS, 1,
                opencv_imgproc.LINE_AA, false);
        return panel;
    }

    /**
     * Writes a PNG with one panel per series, stacked, all on the same score scale, and a legend line on top.
     *
     * @return the file
     */
    public static Path writePng(Path file, String heading, List<Series> series, int width, int panelHeight) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.scores()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        List<Mat> panels = new ArrayList<>();
        Mat header = new Mat(22, width, opencv_core.CV_8UC3, WHITE);
        opencv_imgproc.putText(header, heading + String.format(Locale.ROOT, "   (blue: frame score, scale %.3g..%.3g; red: abnormal frames)", lo, hi),
                new Point(4, 15), opencv_imgproc.FONT_HERSHEY_PLAIN, 0.9, AXIS, 1, opencv_imgproc.LINE_AA, false);
        panels.add(header);
        for (Series s : series) {
            panels.add(timeline(s, width, panelHeight, lo, hi, -1));
        }
        try (MatVector all = new MatVector(panels.toArray(new Mat[0])); Mat plot = new Mat()) {
            opencv_core.vconcat(all, plot);
            if (!opencv_imgcodecs.imwrite(file.toString(), plot)) {
                throw new InvalidInputException(file + ": OpenCV could not write the PNG");
            }
        } finally {
            panels.forEach(Mat::close);
        }
        return file;
    }

    private static int x(int frame, int frames, int width) {
        return (int) ((long) frame * width / Math.max(1, frames));
    }
}
