package io.github.aed.detect.motion;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.geometry.MaskComponents;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.Nms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The motion detector's proposals of one frame: owns the foreground mask and its clean-up (frame differencing, median
 * filter, opening, closing), the connected components, their merging, the split erosion's cores and the
 * {@link ValleySplit}, and turns them into padded, clipped detections with their confidence. Holds native OpenCV
 * objects: close it. Not thread-safe.
 */
final class ProposalGenerator implements AutoCloseable {

    private final MotionSettings settings;
    private final Mat foreground = new Mat();
    private final Mat eroded = new Mat();
    private final Mat previous = new Mat();
    private final Mat difference = new Mat();
    private final ValleySplit valleys;
    private final Mat openKernel;
    private final Mat closeKernel;
    private final Mat splitKernel;
    private byte[] maskPixels = new byte[0];

    ProposalGenerator(MotionSettings settings) {
        this.settings = settings;
        this.openKernel = kernel(settings.openSize);
        this.closeKernel = kernel(settings.closeSize);
        this.splitKernel = kernel(settings.splitSize);
        this.valleys = new ValleySplit(settings.valleySplit);
    }

    private static Mat kernel(int size) {
        return size <= 1 ? null : opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(size, size));
    }

    /**
     * The proposals of the frame in preference order: the merged objects, most confident first, then the split
     * erosion's cores and the valley pieces of the merged objects, most confident first. Only proposals within the
     * area limits are kept.
     */
    List<Detection> propose(Frame frame, BackgroundModel background) {
        foregroundMask(frame, background);
        int width = background.width();
        int height = background.height();
        List<Blob> merged = merge(components(foreground, settings.minComponentArea), settings.mergeGapX,
                settings.mergeGapY);
        List<Blob> extra = new ArrayList<>();
        if (splitKernel != null) {
            extra.addAll(cores(width, height));
        }
        if (settings.valleySplit > 0) {
            for (Blob o : merged) {
                extra.addAll(valleys.pieces(foreground, o));
            }
        }
        List<Detection> proposals = detections(frame, merged, width, height);
        proposals.addAll(detections(frame, extra, width, height));
        return proposals;
    }

    /** Forgets the previous frame of the frame differencing. */
    void reset() {
        previous.release();
    }

    /** The proposals that pass the area limits, padded, clipped, with their confidence, most confident first. */
    private List<Detection> detections(Frame frame, List<Blob> blobs, int width, int height) {
        long maxArea = (long) Math.floor(settings.maxAreaFraction * width * height);
        List<Detection> out = new ArrayList<>(blobs.size());
        for (Blob b : blobs) {
            if (b.pixels() < settings.minArea || b.box().area() > maxArea) {
                continue;
            }
            Box padded = b.box().padRelative(settings.padFraction).pad(settings.padPixels).clipTo(width, height);
            out.add(Detection.unclassified(frame.index(), padded, confidence(b.pixels())));
        }
        out.sort(Nms.BY_CONFIDENCE);
        return out;
    }

    /** The confidence of an object of this many foreground pixels: 0.5 at {@code minArea} pixels, rising towards 1. */
    private double confidence(long pixels) {
        return (double) pixels / (pixels + Math.max(1, settings.minArea));
    }

    /**
     * The cores of the foreground: the components of the mask eroded by the split kernel, each box grown back by the
     * kernel's radius. Objects joined by a thin bridge (a cyclist touching a walker) come apart here; the pixel count
     * is the core's, so a core ranks below the object it came from.
     */
    private List<Blob> cores(int width, int height) {
        opencv_imgproc.erode(foreground, eroded, splitKernel);
        int radius = settings.splitSize / 2;
        List<Blob> out = new ArrayList<>();
        for (Blob c : components(eroded, settings.minComponentArea)) {
            out.add(new Blob(c.box().pad(radius).clipTo(width, height), c.pixels()));
        }
        return out;
    }

    /** The background model's foreground, fused with the frame difference, filtered, opened and closed. */
    private void foregroundMask(Frame frame, BackgroundModel background) {
        Mat grey = background.subtract(frame, foreground);
        if (settings.frameDifference > 0) {
            if (!previous.empty()) {
                opencv_core.absdiff(grey, previous, difference);
                opencv_imgproc.threshold(difference, difference, settings.frameDifference, 255,
                        opencv_imgproc.THRESH_BINARY);
                opencv_core.bitwise_or(foreground, difference, foreground);
            }
            grey.copyTo(previous);
        }
        if (settings.medianSize > 1) {
            opencv_imgproc.medianBlur(foreground, foreground, settings.medianSize);
        }
        if (openKernel != null) {
            opencv_imgproc.morphologyEx(foreground, foreground, opencv_imgproc.MORPH_OPEN, openKernel);
        }
        if (closeKernel != null) {
            opencv_imgproc.morphologyEx(foreground, foreground, opencv_imgproc.MORPH_CLOSE, closeKernel);
        }
    }

    /** The 8-connected components of a binary mask (continuous, 8-bit) with at least {@code minPixels} pixels. */
    private List<Blob> components(Mat mask, int minPixels) {
        int w = mask.cols();
        int h = mask.rows();
        if (maskPixels.length != w * h) {
            maskPixels = new byte[w * h];
        }
        mask.data().get(maskPixels);
        List<Blob> blobs = new ArrayList<>();
        for (MaskComponents.Component c : MaskComponents.find(maskPixels, w, h)) {
            if (c.pixels() >= minPixels) {
                blobs.add(new Blob(c.box(), c.pixels()));
            }
        }
        return blobs;
    }

    /**
     * Merges blobs whose boxes are at most {@code gapX} pixels apart horizontally and {@code gapY} vertically (0 when
     * their ranges overlap), repeatedly, until no two remaining blobs are that close. Pixel counts add up. The result
     * is sorted top to bottom, left to right.
     */
    static List<Blob> merge(List<Blob> blobs, int gapX, int gapY) {
        List<Blob> current = new ArrayList<>(blobs);
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < current.size(); i++) {
                for (int j = i + 1; j < current.size(); j++) {
                    Blob a = current.get(i);
                    Blob b = current.get(j);
                    if (gap(a.box().xMin(), a.box().xMax(), b.box().xMin(), b.box().xMax()) <= gapX
                            && gap(a.box().yMin(), a.box().yMax(), b.box().yMin(), b.box().yMax()) <= gapY) {
                        current.set(i, new Blob(a.box().union(b.box()), a.pixels() + b.pixels()));
                        current.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        current.sort(Comparator.comparingInt((Blob b) -> b.box().yMin()).thenComparingInt(b -> b.box().xMin())
                .thenComparingInt(b -> b.box().yMax()).thenComparingInt(b -> b.box().xMax()));
        return current;
    }

    /** Pixels between the half-open ranges [a0, a1) and [b0, b1); 0 when they touch or overlap. */
    private static int gap(int a0, int a1, int b0, int b1) {
        return Math.max(0, Math.max(a0, b0) - Math.min(a1, b1));
    }

    @Override
    public void close() {
        valleys.close();
        for (Mat m : new Mat[] {foreground, eroded, previous, difference, openKernel, closeKernel, splitKernel}) {
            if (m != null) {
                m.close();
            }
        }
    }
}
