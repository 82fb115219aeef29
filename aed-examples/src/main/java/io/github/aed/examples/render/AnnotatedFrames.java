package io.github.aed.examples.render;

import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Renders frames for an annotated video: each object's box coloured from green (normal) to red (abnormal) by its
 * score and labelled with its most unusual attribute, the frame's score in the corner, and the video's score timeline with a cursor under the frame.
 */
public final class AnnotatedFrames {

    /** Height of the timeline panel under each frame, in pixels. */
    public static final int PANEL_HEIGHT = 60;

    /**
     * An object to draw: its box, its anomaly score, and why it is unusual (e.g. {@code "velocity 3.2"}; drawn above the
     * box), or an empty label.
     */
    public record ScoredBox(Box box, double score, String label) {
    }

    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);
    private static final Scalar SHADE = new Scalar(200, 200, 255, 0);
    private static final Scalar CURVE = new Scalar(170, 60, 0, 0);
    private static final Scalar AXIS = new Scalar(90, 90, 90, 0);
    private static final Scalar CURSOR = new Scalar(0, 0, 0, 0);

    private final ScorePlot.Series series;
    private final double lo;
    private final double hi;

    /**
     * @param series the video's frame scores and labels; their range sets the colour scale of the boxes too
     */
    public AnnotatedFrames(ScorePlot.Series series) {
        this.series = series;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : series.scores()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        this.lo = min;
        this.hi = max;
    }

    /** The frame with its objects drawn and the timeline below; {@code PANEL_HEIGHT} pixels taller than the frame. */
    public Frame render(Frame frame, List<ScoredBox> objects) {
        try (Mat image = frame.toBgr().toMat();
             Mat panel = timeline(frame.width(), frame.index());
             Mat out = new Mat()) {
            for (ScoredBox o : objects) {
                Box b = o.box();
                opencv_imgproc.rectangle(image, new Point(b.xMin(), b.yMin()), new Point(b.inclusiveXMax(), b.inclusiveYMax()),
                        colour(o.score()), 1, opencv_imgproc.LINE_8, 0);
                if (!o.label().isEmpty()) {
                    opencv_imgproc.putText(image, o.label(), new Point(b.xMin(), Math.max(8, b.yMin() - 2)),
                            opencv_imgproc.FONT_HERSHEY_PLAIN, 0.7, colour(o.score()), 1, opencv_imgproc.LINE_AA, false);
                }
            }
            double score = series.scores()[frame.index()];
            opencv_imgproc.putText(image, String.format(Locale.ROOT, "%d  %.3f", frame.index(), score), new Point(3, 12),
                    opencv_imgproc.FONT_HERSHEY_PLAIN, 0.9, colour(score), 1, opencv_imgproc.LINE_AA, false);
            try (MatVector both = new MatVector(image, panel)) {
                opencv_core.vconcat(both, out);
            }
            return Frame.fromMat(out, frame.source(), frame.index());
        }
    }

    /**
     * The video's score curve (blue) over its frames, abnormal frames shaded red, a cursor at the current frame; BGR,
     * {@code width × PANEL_HEIGHT} pixels. Drawn with OpenCV because it is redrawn for every frame of the video.
     */
    private Mat timeline(int width, int cursor) {
        Mat panel = new Mat(PANEL_HEIGHT, width, opencv_core.CV_8UC3, WHITE);
        int n = series.scores().length;
        int top = 14;
        int bottom = PANEL_HEIGHT - 4;
        if (series.labels() != null) {
            for (int f = 0; f < n; f++) {
                if (series.labels()[f] == 1) {
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
            int y = bottom - (int) Math.round((series.scores()[f] - lo) / span * (bottom - top));
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
        opencv_imgproc.putText(panel, series.title(), new Point(4, 11), opencv_imgproc.FONT_HERSHEY_PLAIN, 0.8, AXIS, 1,
                opencv_imgproc.LINE_AA, false);
        return panel;
    }

    private static int x(int frame, int frames, int width) {
        return (int) ((long) frame * width / Math.max(1, frames));
    }

    /** Green at the lowest score of the video, red at the highest. */
    private Scalar colour(double score) {
        double t = hi > lo ? Math.max(0, Math.min(1, (score - lo) / (hi - lo))) : 0;
        return new Scalar(0, 255 * (1 - t), 255 * t, 0);
    }
}
