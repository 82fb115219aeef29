package io.github.aed.detect.dnn;

import io.github.aed.core.geometry.Box;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The geometry that maps a frame onto a network input and the network's boxes back onto the frame.
 *
 * <p>For {@link ResizeMode#LETTERBOX} the frame is scaled by {@code s = min(inW / w, inH / h)} to
 * {@code round(w * s) x round(h * s)} and centred, with {@code padX = (inW - newW) / 2} columns on the left and
 * {@code padY = (inH - newH) / 2} rows on top (integer division). For {@link ResizeMode#STRETCH} it is scaled to the
 * input size with no padding. A point (x, y) of the input maps back to ((x - padX) / sx, (y - padY) / sy) with
 * {@code sx = newW / w}, {@code sy = newH / h}.
 *
 * @param frameWidth  frame columns
 * @param frameHeight frame rows
 * @param inputWidth  network input columns
 * @param inputHeight network input rows
 * @param scaledWidth the frame's width inside the input
 * @param scaledHeight the frame's height inside the input
 * @param padX        columns left of the frame inside the input
 * @param padY        rows above the frame inside the input
 */
public record Letterbox(int frameWidth, int frameHeight, int inputWidth, int inputHeight, int scaledWidth,
        int scaledHeight, int padX, int padY) {

    /** The geometry for a frame size, an input size and a resize mode. */
    public static Letterbox of(int frameWidth, int frameHeight, int inputWidth, int inputHeight, ResizeMode mode) {
        if (frameWidth < 1 || frameHeight < 1 || inputWidth < 1 || inputHeight < 1) {
            throw new IllegalArgumentException("sizes must be positive: frame " + frameWidth + "x" + frameHeight
                    + ", input " + inputWidth + "x" + inputHeight);
        }
        if (mode == ResizeMode.STRETCH) {
            return new Letterbox(frameWidth, frameHeight, inputWidth, inputHeight, inputWidth, inputHeight, 0, 0);
        }
        double s = Math.min((double) inputWidth / frameWidth, (double) inputHeight / frameHeight);
        int w = Math.max(1, Math.min(inputWidth, (int) Math.round(frameWidth * s)));
        int h = Math.max(1, Math.min(inputHeight, (int) Math.round(frameHeight * s)));
        return new Letterbox(frameWidth, frameHeight, inputWidth, inputHeight, w, h, (inputWidth - w) / 2,
                (inputHeight - h) / 2);
    }

    /**
     * The network input image: {@code frame} (any OpenCV 8-bit image of the frame size) resized and padded with
     * {@code padValue} on every channel. The caller closes the result.
     */
    public Mat apply(Mat frame, double padValue) {
        Mat out = new Mat();
        try (Mat resized = new Mat()) {
            opencv_imgproc.resize(frame, resized, new Size(scaledWidth, scaledHeight), 0, 0, opencv_imgproc.INTER_LINEAR);
            opencv_core.copyMakeBorder(resized, out, padY, inputHeight - scaledHeight - padY, padX,
                    inputWidth - scaledWidth - padX, opencv_core.BORDER_CONSTANT,
                    new Scalar(padValue, padValue, padValue, 0));
        }
        return out;
    }

    /**
     * The frame box covering the input-pixel rectangle [x0, x1) x [y0, y1): mapped back, rounded outwards, clipped to
     * the frame (possibly empty).
     */
    public Box toFrame(double x0, double y0, double x1, double y1) {
        double sx = (double) scaledWidth / frameWidth;
        double sy = (double) scaledHeight / frameHeight;
        double fx0 = (x0 - padX) / sx;
        double fy0 = (y0 - padY) / sy;
        double fx1 = (x1 - padX) / sx;
        double fy1 = (y1 - padY) / sy;
        if (!(fx1 >= fx0) || !(fy1 >= fy0) || !Double.isFinite(fx0 + fy0 + fx1 + fy1)) {
            return new Box(0, 0, 0, 0);
        }
        double limit = 4.0 * Math.max(frameWidth, frameHeight);
        return Box.enclosing(clamp(fx0, limit), clamp(fy0, limit), clamp(fx1, limit), clamp(fy1, limit))
                .clipTo(frameWidth, frameHeight);
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }
}
