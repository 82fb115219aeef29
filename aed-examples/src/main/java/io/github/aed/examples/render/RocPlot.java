package io.github.aed.examples.render;

import io.github.aed.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws ROC curves with OpenCV into a PNG: false-positive rate (x) against true-positive rate (y), both in [0, 1], with
 * labelled axes and ticks, the chance diagonal, and a legend naming each curve (put its AUC into the label).
 */
public final class RocPlot {

    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);
    private static final Scalar AXIS = new Scalar(90, 90, 90, 0);
    private static final Scalar GRID = new Scalar(225, 225, 225, 0);
    /** Curve colours (BGR), taken in turn. */
    private static final Scalar[] COLOURS = {new Scalar(170, 60, 0, 0), new Scalar(0, 90, 220, 0), new Scalar(40, 150, 40, 0),
            new Scalar(150, 0, 150, 0)};
    private static final int MARGIN_LEFT = 60;
    private static final int MARGIN_RIGHT = 20;
    private static final int MARGIN_TOP = 36;
    private static final int MARGIN_BOTTOM = 50;

    /**
     * One curve: its legend label and its points (rates in [0, 1], in curve order).
     *
     * @param label legend text, e.g. {@code "default, AUC 0.912"}
     */
    public record Curve(String label, double[] falsePositiveRates, double[] truePositiveRates) {
        /** Checks that the two rate arrays pair up. */
        public Curve {
            if (falsePositiveRates.length != truePositiveRates.length || falsePositiveRates.length == 0) {
                throw new IllegalArgumentException(label + ": " + falsePositiveRates.length + " false-positive rates but "
                        + truePositiveRates.length + " true-positive rates; expected the same, non-zero number");
            }
        }
    }

    private RocPlot() {
    }

    /**
     * Writes a square plot area of {@code size × size} pixels plus margins.
     *
     * @return the file
     */
    public static Path writePng(Path file, String title, List<Curve> curves, int size) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no ROC curve to plot");
        }
        try (Mat plot = new Mat(MARGIN_TOP + size + MARGIN_BOTTOM, MARGIN_LEFT + size + MARGIN_RIGHT, opencv_core.CV_8UC3, WHITE)) {
            for (int t = 0; t <= 10; t += 2) {
                double v = t / 10.0;
                int x = x(v, size);
                int y = y(v, size);
                opencv_imgproc.line(plot, new Point(x, y(0, size)), new Point(x, y(1, size)), GRID, 1, opencv_imgproc.LINE_8, 0);
                opencv_imgproc.line(plot, new Point(x(0, size), y), new Point(x(1, size), y), GRID, 1, opencv_imgproc.LINE_8, 0);
                String tick = String.format(Locale.ROOT, "%.1f", v);
                text(plot, tick, x - 9, y(0, size) + 16, 0.9);
                text(plot, tick, MARGIN_LEFT - 30, y + 4, 0.9);
            }
            opencv_imgproc.line(plot, new Point(x(0, size), y(0, size)), new Point(x(1, size), y(1, size)), AXIS, 1,
                    opencv_imgproc.LINE_AA, 0);
            opencv_imgproc.rectangle(plot, new Point(x(0, size), y(1, size)), new Point(x(1, size), y(0, size)), AXIS, 1,
                    opencv_imgproc.LINE_8, 0);
            text(plot, title, 6, 16, 1.0);
            text(plot, "true-positive rate (abnormal frames flagged)", MARGIN_LEFT, MARGIN_TOP - 6, 0.9);
            text(plot, "false-positive rate (normal frames flagged)", MARGIN_LEFT + size / 2 - 140, y(0, size) + 38, 0.9);
            for (int c = 0; c < curves.size(); c++) {
                Curve curve = curves.get(c);
                Scalar colour = COLOURS[c % COLOURS.length];
                double[] fpr = curve.falsePositiveRates();
                double[] tpr = curve.truePositiveRates();
                for (int i = 1; i < fpr.length; i++) {
                    opencv_imgproc.line(plot, new Point(x(fpr[i - 1], size), y(tpr[i - 1], size)),
                            new Point(x(fpr[i], size), y(tpr[i], size)), colour, 2, opencv_imgproc.LINE_AA, 0);
                }
                int ly = y(0, size) - 14 - 18 * (curves.size() - 1 - c);
                int lx = x(0.3, size);
                opencv_imgproc.line(plot, new Point(lx, ly - 4), new Point(lx + 24, ly - 4), colour, 2, opencv_imgproc.LINE_AA, 0);
                text(plot, curve.label(), lx + 30, ly, 0.9);
            }
            if (!opencv_imgcodecs.imwrite(file.toString(), plot)) {
                throw new InvalidInputException(file + ": OpenCV could not write the PNG");
            }
        }
        return file;
    }

    private static void text(Mat plot, String s, int x, int y, double scale) {
        opencv_imgproc.putText(plot, s, new Point(x, y), opencv_imgproc.FONT_HERSHEY_PLAIN, scale, AXIS, 1, opencv_imgproc.LINE_AA,
                false);
    }

    private static int x(double rate, int size) {
        return MARGIN_LEFT + (int) Math.round(rate * size);
    }

    private static int y(double rate, int size) {
        return MARGIN_TOP + size - (int) Math.round(rate * size);
    }
}
