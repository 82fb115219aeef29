package io.github.aed.core.cube;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameWindow;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts object cubes out of the frames held in a {@link FrameWindow}.
 *
 * <p>For a detection in frame i the same box (no tracking) is cropped from frames i−k … i+k, converted to the
 * configured colour mode, resized to size×size with bicubic interpolation ({@code INTER_CUBIC}; a crop already of
 * that size is copied unchanged) and divided by 255. The box must lie inside the frame and be non-empty: clip
 * detector boxes with {@link Box#clipTo} first.
 *
 * <p>Not thread-safe: it keeps scratch buffers between calls. Use one extractor per thread. Holds native memory; close
 * it when done.
 */
public final class CubeExtractor implements AutoCloseable {

    private final CubeSettings settings;
    private final Mat crop = new Mat();
    private final Mat converted = new Mat();
    private final Mat resized = new Mat();
    private final Size target;
    private byte[] cropBytes = new byte[0];
    private final byte[] resizedBytes;

    public CubeExtractor(CubeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.target = new Size(settings.size(), settings.size());
        this.resizedBytes = new byte[settings.size() * settings.size() * settings.channels()];
    }

    public CubeSettings settings() {
        return settings;
    }

    /**
     * Whether every frame this detection's cube needs is in the window, given the edge policy: with
     * {@link EdgePolicy#SKIP} frames i−k … i+k must exist in the video; with {@link EdgePolicy#CLAMP} offsets beyond the
     * video's start or marked end are replaced by the edge frame.
     */
    public boolean isReady(FrameWindow window, int frameIndex) {
        if (window.isEmpty()) {
            return false;
        }
        int k = settings.temporalRadius();
        int lo = frameIndex - k;
        int hi = frameIndex + k;
        if (settings.edgePolicy() == EdgePolicy.CLAMP) {
            lo = Math.max(lo, window.videoStart());
            if (window.isEnded()) {
                hi = Math.min(hi, window.lastIndex());
            }
        }
        return window.contains(lo) && window.contains(hi) && window.contains(frameIndex);
    }

    /** One cube. See {@link #extractBatch} for the errors. */
    public ObjectCube extract(FrameWindow window, Detection detection) {
        return extractBatch(window, List.of(detection)).cube(0);
    }

    /**
     * The cubes of several detections, written straight into one NCDHW array.
     *
     * @throws InvalidInputException    if a box is empty or not inside the frame
     * @throws IllegalArgumentException if a needed frame is not in the window (see {@link #isReady})
     */
    public CubeBatch extractBatch(FrameWindow window, List<Detection> detections) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("cannot cut cubes from an empty frame window");
        }
        String source = window.get(window.lastIndex()).source();
        if (detections.isEmpty()) {
            return CubeBatch.empty(source, settings);
        }
        int len = settings.cubeLength();
        float[] out = new float[Math.multiplyExact(detections.size(), len)];
        int[][] indices = new int[detections.size()][];
        for (int i = 0; i < detections.size(); i++) {
            indices[i] = extractInto(window, detections.get(i), out, i * len);
        }
        return new CubeBatch(source, settings, detections, indices, out);
    }

    private int[] extractInto(FrameWindow window, Detection detection, float[] dst, int offset) {
        int i = detection.frameIndex();
        if (!isReady(window, i)) {
            throw new IllegalArgumentException(describeMissing(window, i));
        }
        Frame middle = window.get(i);
        Box box = detection.box();
        if (box.isEmpty() || !box.isInside(middle.width(), middle.height())) {
            throw new InvalidInputException(middle.describe() + ": detection box " + box + " is "
                    + (box.isEmpty() ? "empty" : "not inside the " + middle.width() + "x" + middle.height() + " frame")
                    + "; clip boxes to the frame (Box.clipTo) and drop empty ones before cutting cubes");
        }
        int k = settings.temporalRadius();
        int depth = settings.depth();
        int[] used = new int[depth];
        int start = window.videoStart();
        int end = window.isEnded() ? window.lastIndex() : Integer.MAX_VALUE;
        for (int d = 0; d < depth; d++) {
            int f = Math.max(start, Math.min(end, i - k + d));
            used[d] = f;
            writeCrop(window.get(f), box, dst, offset, d);
        }
        return used;
    }

    private void writeCrop(Frame frame, Box box, float[] dst, int offset, int d) {
        int ch = frame.channels();
        int need = box.width() * box.height() * ch;
        if (cropBytes.length < need) {
            cropBytes = new byte[need];
        }
        frame.copyRegion(box, cropBytes);
        crop.create(box.height(), box.width(), ch == 1 ? opencv_core.CV_8UC1 : opencv_core.CV_8UC3);
        crop.data().put(cropBytes, 0, need);
        Mat coloured = toColourMode(crop, ch);
        opencv_imgproc.resize(coloured, resized, target, 0, 0, opencv_imgproc.INTER_CUBIC);
        resized.data().get(resizedBytes);

        int s = settings.size();
        int outCh = settings.channels();
        int plane = s * s;
        int depth = settings.depth();
        for (int c = 0; c < outCh; c++) {
            int base = offset + (c * depth + d) * plane;
            for (int p = 0, src = c; p < plane; p++, src += outCh) {
                dst[base + p] = (resizedBytes[src] & 0xFF) / 255f;
            }
        }
    }

    private Mat toColourMode(Mat src, int channels) {
        if (channels == settings.channels()) {
            return src;
        }
        int code = channels == 1 ? opencv_imgproc.COLOR_GRAY2BGR : opencv_imgproc.COLOR_BGR2GRAY;
        opencv_imgproc.cvtColor(src, converted, code);
        return converted;
    }

    private String describeMissing(FrameWindow window, int i) {
        int k = settings.temporalRadius();
        String held = window.isEmpty() ? "none" : window.firstIndex() + ".." + window.lastIndex();
        if (settings.edgePolicy() == EdgePolicy.SKIP && (i - k < window.videoStart()
                || window.isEnded() && i + k > window.lastIndex())) {
            return "frame " + i + " is within k=" + k + " frames of the video's edge; EdgePolicy.SKIP gives it no cube";
        }
        return "frames " + (i - k) + ".." + (i + k) + " are needed for a cube at frame " + i + ", the window holds " + held;
    }

    @Override
    public void close() {
        crop.close();
        converted.close();
        resized.close();
        target.close();
    }
}
