package io.github.aed.core.video;

import io.github.aed.core.geometry.Box;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded video frame, owned by whoever holds it.
 *
 * <p>Pixels are 8-bit, row-major and channel-interleaved: one channel (grey) or three channels in OpenCV's
 * <b>BGR</b> order. The pixel at column x, row y, channel c is {@code pixels[(y * width + x) * channels + c]}.
 * {@link #index()} is the 0-based position of the frame in its source; {@link #source()} names the video, folder or
 * stream it came from, so that errors can say where a frame came from.
 *
 * <p>A frame is a deep copy: it never shares memory with a decoder's reused buffers, so frames may be kept, queued
 * and used from other threads. It is immutable in practice: {@link #pixels()} returns a copy, and the constructor
 * copies its input.
 */
public final class Frame {

    private final String source;
    private final int index;
    private final int width;
    private final int height;
    private final int channels;
    private final byte[] pixels;

    /**
     * A frame from raw pixels, which are copied.
     *
     * @param source   name of the video, folder or stream the frame belongs to
     * @param index    0-based position in that source
     * @param width    columns, at least 1
     * @param height   rows, at least 1
     * @param channels 1 (grey) or 3 (BGR)
     * @param pixels   {@code width * height * channels} bytes, row-major, channel-interleaved
     */
    public Frame(String source, int index, int width, int height, int channels, byte[] pixels) {
        this(source, index, width, height, channels, Objects.requireNonNull(pixels, "pixels").clone(), true);
    }

    private Frame(String source, int index, int width, int height, int channels, byte[] pixels, boolean alreadyCopied) {
        this.source = Objects.requireNonNull(source, "source");
        if (index < 0) {
            throw new IllegalArgumentException(source + ": frame index must be >= 0, got " + index);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(source + " frame " + index + ": size must be at least 1x1, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(source + " frame " + index + ": expected 1 (grey) or 3 (BGR) channels, got " + channels);
        }
        long expected = (long) width * height * channels;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(source + " frame " + index + ": expected " + expected + " bytes for "
                    + width + "x" + height + "x" + channels + ", got " + pixels.length);
        }
        this.index = index;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    /**
     * A deep copy of an 8-bit OpenCV image ({@code CV_8UC1}, {@code CV_8UC3} in BGR order, or {@code CV_8UC4} whose
     * alpha channel is dropped). The Mat is not modified or retained.
     */
    public static Frame fromMat(Mat mat, String source, int index) {
        if (mat == null || mat.empty()) {
            throw new IllegalArgumentException(source + " frame " + index + ": image is empty");
        }
        if (mat.depth() != opencv_core.CV_8U) {
            throw new IllegalArgumentException(source + " frame " + index + ": expected 8-bit pixels, got OpenCV depth " + mat.depth());
        }
        int ch = mat.channels();
        if (ch == 4) {
            try (Mat bgr = new Mat()) {
                opencv_imgproc.cvtColor(mat, bgr, opencv_imgproc.COLOR_BGRA2BGR);
                return fromMat(bgr, source, index);
            }
        }
        if (ch != 1 && ch != 3) {
            throw new IllegalArgumentException(source + " frame " + index + ": expected 1, 3 or 4 channels, got " + ch);
        }
        int w = mat.cols();
        int h = mat.rows();
        byte[] data = new byte[w * h * ch];
        if (mat.isContinuous()) {
            mat.data().get(data);
        } else {
            int rowBytes = w * ch;
            BytePointer base = mat.data();
            long step = mat.step();
            for (int y = 0; y < h; y++) {
                base.position(y * step).get(data, y * rowBytes, rowBytes);
            }
            base.position(0);
        }
        return new Frame(source, index, w, h, ch, data, true);
    }

    /**
     * A new OpenCV image holding a copy of the pixels ({@code CV_8UC1} or {@code CV_8UC3}, BGR). The caller owns it and
     * should close it.
     */
    public Mat toMat() {
        Mat mat = new Mat(height, width, channels == 1 ? opencv_core.CV_8UC1 : opencv_core.CV_8UC3);
        mat.data().put(pixels);
        return mat;
    }

    /** This frame with three BGR channels (a copy of each grey value into B, G and R); itself if already colour. */
    public Frame toBgr() {
        if (channels == 3) {
            return this;
        }
        byte[] out = new byte[width * height * 3];
        for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
            out[j] = out[j + 1] = out[j + 2] = pixels[i];
        }
        return new Frame(source, index, width, height, 3, out, true);
    }

    /** This frame in grey (OpenCV's BT.601 weights); itself if already grey. */
    public Frame toGrey() {
        if (channels == 1) {
            return this;
        }
        try (Mat bgr = toMat(); Mat grey = new Mat()) {
            opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
            return fromMat(grey, source, index);
        }
    }

    /** This frame's pixels with another index and source name, e.g. when re-numbering a clip. */
    public Frame withIndex(String newSource, int newIndex) {
        return new Frame(newSource, newIndex, width, height, channels, pixels, true);
    }

    /** The frame's area as a box: {@code [0, width) x [0, height)}. */
    public Box bounds() {
        return new Box(0, 0, width, height);
    }

    /** The 8-bit value (0..255) at column x, row y, channel c. */
    public int pixel(int x, int y, int c) {
        if (x < 0 || x >= width || y < 0 || y >= height || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException(describe() + ": no pixel (" + x + ", " + y + ") channel " + c);
        }
        return pixels[(y * width + x) * channels + c] & 0xFF;
    }

    /** A copy of the pixel bytes (see the class comment for the layout). */
    public byte[] pixels() {
        return pixels.clone();
    }

    /**
     * Copies rows {@code [y0, y1)} and columns {@code [x0, x1)} of every channel into {@code dst}, channel-interleaved
     * and row-major, without allocating. Used by cube extraction.
     */
    public void copyRegion(Box region, byte[] dst) {
        if (!region.isInside(width, height) || region.isEmpty()) {
            throw new IllegalArgumentException(describe() + ": region " + region + " is empty or outside the "
                    + width + "x" + height + " frame");
        }
        int rowBytes = region.width() * channels;
        if (dst.length < rowBytes * region.height()) {
            throw new IllegalArgumentException("destination holds " + dst.length + " bytes, region needs " + rowBytes * region.height());
        }
        for (int y = region.yMin(), o = 0; y < region.yMax(); y++, o += rowBytes) {
            System.arraycopy(pixels, (y * width + region.xMin()) * channels, dst, o, rowBytes);
        }
    }

    public String source() {
        return source;
    }

    public int index() {
        return index;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** "source frame index", for messages. */
    public String describe() {
        return source + " frame " + index;
    }

    @Override
    public String toString() {
        return "Frame[" + describe() + ", " + width + "x" + height + "x" + channels + "]";
    }
}
