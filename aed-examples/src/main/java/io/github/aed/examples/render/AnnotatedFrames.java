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
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Renders frames for an annotated video: each object's box coloured from green (normal) to red (abnormal) by its
 * score, the frame's score in the corner, and the video's score timeline with a cursor under the frame.
 */
public final class AnnotatedFrames {

    /** Height of the timeline panel under each frame, in pixels. */
    public static final int PANEL_HEIGHT = 60;

    /** An object to draw: its box and its anomaly score. */
    public record ScoredBox(Box box, double score) {
    }

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
             Mat panel = ScorePlot.timeline(series, frame.width(), PANEL_HEIGHT, lo, hi, frame.index());
             Mat out = new Mat()) {
            for (ScoredBox o : objects) {
                Box b = o.box();
                opencv_imgproc.rectangle(image, new Point(b.xMin(), b.yMin()), new Point(b.inclusiveXMax(), b.inclusiveYMax()),
                        colour(o.score()), 1, opencv_imgproc.LINE_8, 0);
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

    /** Green at the lowest score of the video, red at the highest. */
    private Scalar colour(double score) {
        double t = hi > lo ? Math.max(0, Math.min(1, (score - lo) / (hi - lo))) : 0;
        return new Scalar(0, 255 * (1 - t), 255 * t, 0);
    }
}
