package io.github.aed.detect.motion;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.geometry.MaskComponents;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.FrameMats;
import io.github.aed.detect.Nms;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.PrimedState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds moving objects in video from a fixed camera by background subtraction: the offline default detector, which
 * needs no network weights.
 *
 * <p>Per frame: the frame is turned grey (and optionally blurred), an OpenCV background model ({@link SubtractorKind
 * MOG2 or KNN}) marks foreground pixels; shadow pixels are dropped when shadow detection is on; optionally, pixels
 * that changed by more than {@code frameDifference} grey levels since the previous frame are added (frame differencing
 * fused with the background model); a median filter removes specks and fills speckled objects, an optional opening
 * removes more specks and a closing fills holes; the 8-connected components are found, components smaller than
 * {@code minComponentArea} pixels are dropped as noise, and the boxes of components closer than the merge gaps are
 * merged (the fragments of one person: head, torso and legs often come apart). The merged objects are the first
 * proposals. Besides them come, with a {@code split} erosion, the components of the eroded mask grown back by its
 * radius (objects joined by a thin bridge come apart) and, with a {@code valleySplit}, the pieces of each merged object
 * cut where its foreground count per column or per row has a valley, each box shrunk to its foreground pixels (a
 * cyclist beside a walker). Proposals with fewer than {@code minArea} foreground pixels or a box larger than
 * {@code maxAreaFraction} of the frame are dropped; each box is padded and clipped to the frame. Then at most
 * {@code maxDetections} boxes are chosen greedily ({@link OverlapSelection}), each step keeping the box that best
 * raises the overlap between all proposals and the kept boxes; ties go to the merged objects, then to the more
 * confident. No kept box has an IoU above {@code nmsIou} with another. Detections have no class ({@link Detection#UNKNOWN_CLASS}); their confidence is {@code n / (n + minArea)}
 * for {@code n} foreground pixels (0.5 at the minimum area, towards 1 for large objects).
 *
 * <p><b>Background state.</b> The model learns while it detects. {@link #prime} samples up to {@code primeFrames}
 * frames, evenly spread over the given normal videos (e.g. a dataset's training clips), and keeps them; every
 * {@link #reset()} then starts a fresh model and feeds it those frames, so that objects in the first frames of a video
 * are found and every video is processed from the same state whatever came before. Without priming, the model starts
 * from the video's first frame. All frames must have the size of the primed frames (or, unprimed, of the video's first
 * frame); another size throws {@link InvalidInputException}.
 *
 * <p>Holds native OpenCV objects: close it. Not thread-safe; one instance per video processed in parallel.
 */
public final class MotionDetector implements ObjectDetector {

    private static final Logger LOG = LoggerFactory.getLogger(MotionDetector.class);

    private final MotionSettings settings;
    private final Mat grey = new Mat();
    private final Mat foreground = new Mat();
    private final Mat eroded = new Mat();
    private final Mat previous = new Mat();
    private final Mat difference = new Mat();
    private final ValleySplit valleys;
    private final Mat openKernel;
    private final Mat closeKernel;
    private final Mat splitKernel;
    private BackgroundSubtractor subtractor;
    private List<byte[]> primeFrames = List.of();
    private int primeVideos;
    private byte[] maskPixels = new byte[0];
    private int width = -1;
    private int height = -1;
    private boolean closed;

    MotionDetector(MotionSettings settings) {
        this.settings = settings;
        this.openKernel = kernel(settings.openSize);
        this.closeKernel = kernel(settings.closeSize);
        this.splitKernel = kernel(settings.splitSize);
        this.valleys = new ValleySplit(settings.valleySplit);
    }

    /** A builder with the defaults tuned for fixed cameras such as UCSD Ped2 (see each setting). */
    public static MotionSettings.Builder builder() {
        return new MotionSettings.Builder();
    }

    /** A builder holding this detector's settings; the priming is not carried over. */
    public MotionSettings.Builder toBuilder() {
        MotionSettings.Builder b = new MotionSettings.Builder();
        b.s = settings.copy();
        return b;
    }

    private static Mat kernel(int size) {
        return size <= 1 ? null : opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(size, size));
    }

    @Override
    public List<Detection> detect(Frame frame) {
        ensureOpen();
        checkSize(frame);
        if (subtractor == null) {
            startModel();
        }
        FrameMats.toGrey(frame, grey);
        foregroundMask();
        List<Blob> merged = merge(components(foreground, settings.minComponentArea), settings.mergeGapX,
                settings.mergeGapY);
        List<Blob> extra = new ArrayList<>();
        if (splitKernel != null) {
            extra.addAll(cores());
        }
        if (settings.valleySplit > 0) {
            for (Blob o : merged) {
                extra.addAll(valleys.pieces(foreground, o));
            }
        }
        List<Detection> all = detections(frame, merged);
        all.addAll(detections(frame, extra));
        List<Integer> chosen = OverlapSelection.select(all.stream().map(Detection::box).toList(),
                settings.maxDetections == 0 ? Integer.MAX_VALUE : settings.maxDetections, settings.nmsIou,
                settings.overlapExponent);
        return chosen.stream().map(all::get).toList();
    }

    /** The proposals that pass the area limits, padded, clipped, with their confidence, most confident first. */
    private List<Detection> detections(Frame frame, List<Blob> blobs) {
        long maxArea = (long) Math.floor(settings.maxAreaFraction * width * height);
        List<Detection> out = new ArrayList<>(blobs.size());
        for (Blob b : blobs) {
            if (b.pixels < settings.minArea || b.box.area() > maxArea) {
                continue;
            }
            Box padded = b.box.padRelative(settings.padFraction).pad(settings.padPixels).clipTo(width, height);
            out.add(Detection.unclassified(frame.index(), padded, confidence(b.pixels)));
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
    private List<Blob> cores() {
        opencv_imgproc.erode(foreground, eroded, splitKernel);
        int radius = settings.splitSize / 2;
        List<Blob> out = new ArrayList<>();
        for (Blob c : components(eroded, settings.minComponentArea)) {
            out.add(new Blob(c.box.pad(radius).clipTo(width, height), c.pixels));
        }
        return out;
    }

    private void checkSize(Frame frame) {
        if (width < 0) {
            width = frame.width();
            height = frame.height();
        } else if (frame.width() != width || frame.height() != height) {
            throw new InvalidInputException(frame.describe() + " is " + frame.width() + "x" + frame.height()
                    + ", but the background model " + (primeFrames.isEmpty() ? "of this video" : "primed on "
                    + primeVideos + " video(s)") + " is " + width + "x" + height);
        }
    }

    private void foregroundMask() {
        if (settings.blurSize > 1) {
            opencv_imgproc.GaussianBlur(grey, grey, new Size(settings.blurSize, settings.blurSize), 0);
        }
        subtractor.apply(grey, foreground, settings.learningRate);
        // foreground is 255, shadow 127 (only with shadow detection on), background 0: keep 255 only
        opencv_imgproc.threshold(foreground, foreground, 200, 255, opencv_imgproc.THRESH_BINARY);
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
                    if (gap(a.box.xMin(), a.box.xMax(), b.box.xMin(), b.box.xMax()) <= gapX
                            && gap(a.box.yMin(), a.box.yMax(), b.box.yMin(), b.box.yMax()) <= gapY) {
                        current.set(i, new Blob(a.box.union(b.box), a.pixels + b.pixels));
                        current.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        current.sort(Comparator.comparingInt((Blob b) -> b.box.yMin()).thenComparingInt(b -> b.box.xMin())
                .thenComparingInt(b -> b.box.yMax()).thenComparingInt(b -> b.box.xMax()));
        return current;
    }

    /** Pixels between the half-open ranges [a0, a1) and [b0, b1); 0 when they touch or overlap. */
    private static int gap(int a0, int a1, int b0, int b1) {
        return Math.max(0, Math.max(a0, b0) - Math.min(a1, b1));
    }

    /** A fresh background model, fed with the primed frames if there are any. */
    private void startModel() {
        if (subtractor != null) {
            subtractor.close();
        }
        subtractor = switch (settings.kind) {
            case MOG2 -> opencv_video.createBackgroundSubtractorMOG2(settings.history, settings.threshold(), settings.detectShadows);
            case KNN -> opencv_video.createBackgroundSubtractorKNN(settings.history, settings.threshold(), settings.detectShadows);
        };
        if (primeFrames.isEmpty()) {
            return;
        }
        try (Mat img = new Mat(height, width, opencv_core.CV_8UC1); Mat mask = new Mat()) {
            BytePointer data = img.data();
            for (byte[] f : primeFrames) {
                data.put(f);
                if (settings.blurSize > 1) {
                    try (Mat blurred = new Mat()) {
                        opencv_imgproc.GaussianBlur(img, blurred, new Size(settings.blurSize, settings.blurSize), 0);
                        subtractor.apply(blurred, mask, -1);
                    }
                } else {
                    subtractor.apply(img, mask, -1);
                }
            }
        }
    }

    /**
     * Forgets the current video. A primed detector starts its fresh model here, feeding it the primed frames (this
     * costs about as much as detecting in that many frames); an unprimed one starts it at the next frame.
     */
    @Override
    public void reset() {
        ensureOpen();
        if (subtractor != null) {
            subtractor.close();
            subtractor = null;
        }
        previous.release();
        if (primeFrames.isEmpty()) {
            width = -1;
            height = -1;
        } else {
            startModel();
        }
    }

    /**
     * Samples up to {@code primeFrames} grey frames evenly over the videos (in order) and keeps them as the starting
     * state of every video's background model; replaces any earlier priming. An empty list removes the priming.
     *
     * @throws InvalidInputException if the videos' frames differ in size
     */
    @Override
    public void prime(List<Video> normalVideos) {
        ensureOpen();
        Objects.requireNonNull(normalVideos, "normalVideos");
        primeFrames = List.of();
        primeVideos = 0;
        reset();
        width = -1;
        height = -1;
        if (normalVideos.isEmpty() || settings.primeFrames == 0) {
            return;
        }
        long total = 0;
        for (Video v : normalVideos) {
            total += countFrames(v);
        }
        List<byte[]> kept = new ArrayList<>();
        long seen = 0;
        int pw = -1;
        int ph = -1;
        String firstVideo = null;
        for (Video v : normalVideos) {
            try (FrameSource src = v.open()) {
                while (src.hasNext()) {
                    Frame f = src.next();
                    long slot = seen * settings.primeFrames / total;
                    long nextSlot = (seen + 1) * settings.primeFrames / total;
                    seen++;
                    if (slot == nextSlot && total > settings.primeFrames) {
                        continue;
                    }
                    if (pw < 0) {
                        pw = f.width();
                        ph = f.height();
                        firstVideo = v.name();
                    } else if (f.width() != pw || f.height() != ph) {
                        throw new InvalidInputException(f.describe() + " is " + f.width() + "x" + f.height()
                                + ", but the priming videos started with " + firstVideo + " at " + pw + "x" + ph
                                + "; a background model needs one frame size");
                    }
                    FrameMats.toGrey(f, grey);
                    byte[] bytes = new byte[pw * ph];
                    grey.data().get(bytes);
                    kept.add(bytes);
                }
            }
        }
        primeFrames = List.copyOf(kept);
        primeVideos = normalVideos.size();
        width = pw;
        height = ph;
        startModel();
        LOG.debug("motion detector primed on {} of {} frames of {} videos", kept.size(), total, primeVideos);
    }

    private static long countFrames(Video v) {
        try (FrameSource src = v.open()) {
            if (src.frameCount().isPresent()) {
                return src.frameCount().getAsInt();
            }
            long n = 0;
            while (src.hasNext()) {
                src.next();
                n++;
            }
            return n;
        }
    }

    /** {@code motion}: the spec syntax has no settings for this detector, so a recipe holds for the defaults only. */
    @Override
    public Optional<String> spec() {
        return Optional.of("motion");
    }

    /** The kept grey frames ({@link PrimedBackground}); none when unprimed. */
    @Override
    public PrimedState primedState() {
        ensureOpen();
        return primeFrames.isEmpty() ? PrimedState.NONE
                : new PrimedBackground(primeFrames, primeVideos, width, height).toState();
    }

    @Override
    public void restore(PrimedState state) {
        ensureOpen();
        PrimedBackground background = state.isEmpty() ? null : PrimedBackground.from(state);
        primeFrames = List.of();
        primeVideos = 0;
        reset();
        if (background != null) {
            primeFrames = background.frames();
            primeVideos = background.videos();
            width = background.width();
            height = background.height();
            startModel();
        }
    }

    /** The number of frames kept by {@link #prime}; 0 when not primed. */
    public int primedFrameCount() {
        return primeFrames.size();
    }

    /** The settings this detector was built with. */
    public MotionSettings settings() {
        return settings;
    }

    @Override
    public String describe() {
        return "motion[" + settings.describe() + ", "
                + (primeFrames.isEmpty() ? "unprimed" : "primed on " + primeFrames.size() + " frames of " + primeVideos + " videos")
                + "]";
    }

    @Override
    public String toString() {
        return describe();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("motion detector is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subtractor != null) {
            subtractor.close();
        }
        valleys.close();
        for (Mat m : new Mat[] {grey, foreground, eroded, previous, difference, openKernel, closeKernel,
                splitKernel}) {
            if (m != null) {
                m.close();
            }
        }
    }

    /** A group of foreground pixels: its box and the number of foreground pixels in it. */
    record Blob(Box box, long pixels) {
    }
}
