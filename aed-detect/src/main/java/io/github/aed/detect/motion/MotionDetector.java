package io.github.aed.detect.motion;

import io.github.aed.detect.Check;
import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.FrameMats;
import io.github.aed.detect.Nms;
import io.github.aed.detect.ObjectDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
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
 * proposals. Besides them come the fragments themselves ({@code parts}; a cyclist merged with a walker keeps a box of
 * its own) and, with a {@code split} erosion, the components of the eroded mask grown back by its radius (objects
 * joined by a thin bridge come apart) and, with a {@code valleySplit}, the pieces of each merged object cut where its
 * foreground count per column or per row has a valley, each box shrunk to its foreground pixels (a cyclist beside a
 * walker). Proposals with fewer than {@code minArea} foreground pixels or a box larger than
 * {@code maxAreaFraction} of the frame are dropped; each box is padded and clipped to the frame. Then at most
 * {@code maxDetections} boxes are chosen: by default ({@link ProposalRanking#OVERLAP}) greedily, each step keeping the
 * box that best raises the overlap between all proposals and the kept boxes; with {@link ProposalRanking#TIERS}, the
 * merged objects first (with {@code valleyPiecesFirst}, the pieces of a split object in its place) and the other
 * proposals after them, each group in order of confidence. Either way no kept box has an IoU above {@code nmsIou} with
 * another. Detections have no class ({@link Detection#UNKNOWN_CLASS}); their confidence is {@code n / (n + minArea)}
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

    /** The narrowest piece, in pixels, that the valley split cuts off. */
    static final int MIN_VALLEY_PIECE = 5;

    /** The 3-pixel smoothing of a column profile (one row) and of a row profile (one column). */
    private static final Size ALONG_ROW = new Size(3, 1);
    private static final Size ALONG_COLUMN = new Size(1, 3);

    private final Settings settings;
    private final Mat grey = new Mat();
    private final Mat foreground = new Mat();
    private final Mat eroded = new Mat();
    private final Mat previous = new Mat();
    private final Mat difference = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat profile = new Mat();
    private final Mat openKernel;
    private final Mat closeKernel;
    private final Mat splitKernel;
    private BackgroundSubtractor subtractor;
    private List<byte[]> primeFrames = List.of();
    private int primeVideos;
    private int width = -1;
    private int height = -1;
    private boolean closed;

    private MotionDetector(Settings settings) {
        this.settings = settings;
        this.openKernel = kernel(settings.openSize);
        this.closeKernel = kernel(settings.closeSize);
        this.splitKernel = kernel(settings.splitSize);
    }

    /** A builder with the defaults tuned for fixed cameras such as UCSD Ped2 (see each setting). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this detector's settings; the priming is not carried over. */
    public Builder toBuilder() {
        Builder b = new Builder();
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
        List<Blob> parts = components(foreground, settings.minComponentArea);
        List<Blob> merged = merge(parts, settings.mergeGapX, settings.mergeGapY);
        List<Blob> first = merged;
        List<Blob> extra = new ArrayList<>();
        if (settings.parts) {
            extra.addAll(parts);
        }
        if (splitKernel != null) {
            extra.addAll(cores());
        }
        if (settings.valleySplit > 0) {
            first = new ArrayList<>(merged.size());
            for (Blob o : merged) {
                List<Blob> pieces = valleyPieces(o);
                if (pieces.isEmpty()) {
                    first.add(o);
                } else if (settings.valleyPiecesFirst) {
                    first.addAll(pieces);
                    extra.add(o);
                } else {
                    first.add(o);
                    extra.addAll(pieces);
                }
            }
        }
        List<Detection> objects = detections(frame, first);
        List<Detection> others = detections(frame, extra);
        return settings.ranking == ProposalRanking.OVERLAP ? byOverlap(objects, others) : suppress(objects, others);
    }

    /**
     * The proposals chosen by {@link OverlapSelection}: a merged object weighs 1, a core or piece its confidence raised
     * to {@code partWeight}; the tiers' order (objects, then the others, each most confident first) breaks ties. In the
     * order chosen.
     */
    private List<Detection> byOverlap(List<Detection> objects, List<Detection> extra) {
        List<Detection> all = new ArrayList<>(objects.size() + extra.size());
        all.addAll(objects);
        all.addAll(extra);
        double[] weights = new double[all.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < objects.size() ? 1 : Math.pow(all.get(i).confidence(), settings.partWeight);
        }
        List<Integer> chosen = OverlapSelection.select(all.stream().map(Detection::box).toList(), weights,
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

    /**
     * Greedy suppression in two tiers: the merged objects first, then the parts and cores, each tier most confident
     * first; a box is dropped when its IoU with a kept one is above {@code nmsIou}, and at most {@code maxDetections}
     * are kept. Every object is thus covered before any object's parts take a place.
     */
    private List<Detection> suppress(List<Detection> objects, List<Detection> extra) {
        int max = settings.maxDetections == 0 ? Integer.MAX_VALUE : settings.maxDetections;
        List<Detection> kept = new ArrayList<>();
        for (List<Detection> tier : List.of(objects, extra)) {
            for (Detection d : tier) {
                if (kept.size() == max) {
                    return kept;
                }
                if (kept.stream().noneMatch(k -> k.box().iou(d.box()) > settings.nmsIou)) {
                    kept.add(d);
                }
            }
        }
        return kept;
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

    /**
     * The pieces of a merged object that splits at a valley of its foreground density, or none: the object is cut at
     * the valleys of its column counts (side by side), each piece at those of its row counts (one above the other), and
     * every piece's box is shrunk to its foreground pixels.
     */
    private List<Blob> valleyPieces(Blob object) {
        List<Blob> pieces = new ArrayList<>();
        for (Blob column : pieces(object, true)) {
            pieces.addAll(pieces(column, false));
        }
        return pieces.size() > 1 ? pieces : List.of();
    }

    /** The blob itself when it has no valley along that axis, else its tightened pieces (empty ones left out). */
    private List<Blob> pieces(Blob blob, boolean columns) {
        List<Box> cut = valleys(blob.box, columns);
        if (cut.size() == 1) {
            return List.of(blob);
        }
        List<Blob> out = new ArrayList<>(cut.size());
        for (Box b : cut) {
            Blob t = tighten(b);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The box cut at the valleys of its foreground count per column (or per row), smoothed over 3 pixels: a line is a
     * valley when its count is at most {@code valleySplit} times the smaller of the highest counts on either side, and
     * the deepest valley is cut first, recursively. Pieces are at least {@link #MIN_VALLEY_PIECE} pixels wide.
     */
    private List<Box> valleys(Box box, boolean columns) {
        if ((columns ? box.width() : box.height()) <= 2 * MIN_VALLEY_PIECE) {
            return List.of(box);
        }
        try (Mat roi = new Mat(foreground, new Rect(box.xMin(), box.yMin(), box.width(), box.height()))) {
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
        if (best < 0 || bestDepth > settings.valleySplit) {
            out.add(new int[] {from, to});
            return;
        }
        cut(counts, from, best, out);
        cut(counts, best, to, out);
    }

    /** The box shrunk to the foreground pixels inside it, with their count; null when it holds none. */
    private Blob tighten(Box box) {
        try (Mat roi = new Mat(foreground, new Rect(box.xMin(), box.yMin(), box.width(), box.height()))) {
            Rect r = opencv_imgproc.boundingRect(roi);
            if (r.width() == 0 || r.height() == 0) {
                return null;
            }
            return new Blob(Box.ofSize(box.xMin() + r.x(), box.yMin() + r.y(), r.width(), r.height()),
                    opencv_core.countNonZero(roi));
        }
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

    private List<Blob> components(Mat mask, int minPixels) {
        int n = opencv_imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, opencv_core.CV_32S);
        List<Blob> blobs = new ArrayList<>();
        IntPointer s = new IntPointer(stats.data());
        int cols = stats.cols();
        for (int i = 1; i < n; i++) {
            int area = s.get((long) i * cols + opencv_imgproc.CC_STAT_AREA);
            if (area < minPixels) {
                continue;
            }
            int x = s.get((long) i * cols + opencv_imgproc.CC_STAT_LEFT);
            int y = s.get((long) i * cols + opencv_imgproc.CC_STAT_TOP);
            int w = s.get((long) i * cols + opencv_imgproc.CC_STAT_WIDTH);
            int h = s.get((long) i * cols + opencv_imgproc.CC_STAT_HEIGHT);
            blobs.add(new Blob(Box.ofSize(x, y, w, h), area));
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

    /** The number of frames kept by {@link #prime}; 0 when not primed. */
    public int primedFrameCount() {
        return primeFrames.size();
    }

    public Settings settings() {
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
        for (Mat m : new Mat[] {grey, foreground, eroded, previous, difference, labels, stats, centroids, profile,
                openKernel,
                closeKernel, splitKernel}) {
            if (m != null) {
                m.close();
            }
        }
    }

    /** A group of foreground pixels: its box and the number of foreground pixels in it. */
    record Blob(Box box, long pixels) {
    }

    /** The immutable settings of a {@link MotionDetector}; see {@link Builder} for their meaning and defaults. */
    public static final class Settings {
        private SubtractorKind kind = SubtractorKind.MOG2;
        private int history = 500;
        private double threshold = Double.NaN;
        private boolean detectShadows;
        private double learningRate = -1;
        private int blurSize;
        private int medianSize = 5;
        private int openSize;
        private int closeSize = 3;
        private int minComponentArea = 10;
        private int minArea = 40;
        private double maxAreaFraction = 0.5;
        private int mergeGapX = 1;
        private int mergeGapY = 3;
        private double padFraction = 0.05;
        private int padPixels = 1;
        private int primeFrames = 400;
        private boolean parts;
        private int splitSize = 9;
        private double nmsIou = 0.7;
        private int maxDetections = 12;
        private int frameDifference = 15;
        private double valleySplit = 0.75;
        private boolean valleyPiecesFirst;
        private ProposalRanking ranking = ProposalRanking.OVERLAP;
        private double overlapExponent = 5;
        private double partWeight;

        private Settings copy() {
            Settings c = new Settings();
            c.kind = kind;
            c.history = history;
            c.threshold = threshold;
            c.detectShadows = detectShadows;
            c.learningRate = learningRate;
            c.blurSize = blurSize;
            c.medianSize = medianSize;
            c.openSize = openSize;
            c.closeSize = closeSize;
            c.minComponentArea = minComponentArea;
            c.minArea = minArea;
            c.maxAreaFraction = maxAreaFraction;
            c.mergeGapX = mergeGapX;
            c.mergeGapY = mergeGapY;
            c.padFraction = padFraction;
            c.padPixels = padPixels;
            c.primeFrames = primeFrames;
            c.parts = parts;
            c.splitSize = splitSize;
            c.nmsIou = nmsIou;
            c.maxDetections = maxDetections;
            c.frameDifference = frameDifference;
            c.valleySplit = valleySplit;
            c.valleyPiecesFirst = valleyPiecesFirst;
            c.ranking = ranking;
            c.overlapExponent = overlapExponent;
            c.partWeight = partWeight;
            return c;
        }

        public SubtractorKind kind() {
            return kind;
        }

        public int history() {
            return history;
        }

        /** The model's foreground threshold (the kind's default unless set). */
        public double threshold() {
            return Double.isNaN(threshold) ? kind.defaultThreshold() : threshold;
        }

        public boolean detectShadows() {
            return detectShadows;
        }

        public double learningRate() {
            return learningRate;
        }

        public int blurSize() {
            return blurSize;
        }

        public int medianSize() {
            return medianSize;
        }

        public int openSize() {
            return openSize;
        }

        public int closeSize() {
            return closeSize;
        }

        public int minComponentArea() {
            return minComponentArea;
        }

        public int minArea() {
            return minArea;
        }

        public double maxAreaFraction() {
            return maxAreaFraction;
        }

        public int mergeGapX() {
            return mergeGapX;
        }

        public int mergeGapY() {
            return mergeGapY;
        }

        public double padFraction() {
            return padFraction;
        }

        public int padPixels() {
            return padPixels;
        }

        public int primeFrames() {
            return primeFrames;
        }

        public boolean parts() {
            return parts;
        }

        public int splitSize() {
            return splitSize;
        }

        public double nmsIou() {
            return nmsIou;
        }

        public int maxDetections() {
            return maxDetections;
        }

        public int frameDifference() {
            return frameDifference;
        }

        public double valleySplit() {
            return valleySplit;
        }

        public boolean valleyPiecesFirst() {
            return valleyPiecesFirst;
        }

        public ProposalRanking ranking() {
            return ranking;
        }

        public double overlapExponent() {
            return overlapExponent;
        }

        public double partWeight() {
            return partWeight;
        }

        String describe() {
            return String.format(Locale.ROOT,
                    "%s, history=%d, threshold=%s, shadows=%s, learningRate=%s, blur=%d, median=%d, open=%d, close=%d, "
                            + "minComponent=%dpx, minArea=%dpx, maxArea=%.3f of frame, mergeGap=%dx%dpx, pad=%.3f+%dpx, "
                            + "primeFrames=%d, parts=%s, split=%d, nms=%.2f, maxPerFrame=%s, frameDifference=%d, valleySplit=%s, "
                            + "valleyPiecesFirst=%s, ranking=%s, overlapExponent=%s, partWeight=%s",
                    kind.name().toLowerCase(Locale.ROOT), history, trim(threshold()),
                    detectShadows ? "detected and removed" : "not detected (foreground)",
                    learningRate < 0 ? "auto" : trim(learningRate), blurSize, medianSize, openSize, closeSize, minComponentArea,
                    minArea, maxAreaFraction, mergeGapX, mergeGapY, padFraction, padPixels, primeFrames, parts, splitSize, nmsIou,
                    maxDetections == 0 ? "unlimited" : Integer.toString(maxDetections), frameDifference, trim(valleySplit),
                    valleyPiecesFirst, ranking.name().toLowerCase(Locale.ROOT), trim(overlapExponent), trim(partWeight));
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Settings of a {@link MotionDetector}. All are optional; the defaults suit fixed cameras at about 360x240 with
     * objects of 15-60 pixels (UCSD Ped2), and were chosen as described in docs/detect.md.
     */
    public static final class Builder {
        private Settings s = new Settings();

        private Builder() {
        }

        /** The background model. Default {@link SubtractorKind#MOG2}. */
        public Builder subtractor(SubtractorKind kind) {
            s.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Frames the model remembers (OpenCV's {@code history}). Default 500. */
        public Builder history(int frames) {
            s.history = Check.atLeast("history", frames, 1);
            return this;
        }

        /** The model's foreground threshold (see {@link SubtractorKind}). Default: the kind's OpenCV default. */
        public Builder threshold(double value) {
            s.threshold = Check.positive("background threshold", value);
            return this;
        }

        /**
         * Whether OpenCV detects shadows, whose pixels are then removed from the foreground. Default {@code false}: on
         * grey video the shadow test also claims the darkened pixels of objects themselves and loses many of them.
         */
        public Builder detectShadows(boolean value) {
            s.detectShadows = value;
            return this;
        }

        /** The model's learning rate in [0, 1], or a negative value for OpenCV's automatic rate. Default automatic. */
        public Builder learningRate(double value) {
            if (!(value <= 1) || Double.isNaN(value)) {
                throw new IllegalArgumentException("learning rate must be <= 1 (negative = automatic), got " + value);
            }
            s.learningRate = value < 0 ? -1 : value;
            return this;
        }

        /** Side of the Gaussian blur applied before subtraction, odd, or 0 for none. Default 0. */
        public Builder blur(int size) {
            s.blurSize = oddOrZero("blur size", size);
            return this;
        }

        /**
         * Side of the median filter applied to the foreground mask, odd, or 0 for none: it removes isolated specks and
         * fills speckled objects without growing them. Default 5.
         */
        public Builder median(int size) {
            s.medianSize = oddOrZero("median size", size);
            return this;
        }

        /** Side of the elliptic opening that removes specks, or 0 for none. Default 0 (the median filter does it). */
        public Builder open(int size) {
            s.openSize = nonNegative("opening size", size);
            return this;
        }

        /** Side of the elliptic closing that fills holes, or 0 for none. Default 3. */
        public Builder close(int size) {
            s.closeSize = nonNegative("closing size", size);
            return this;
        }

        /** Components with fewer foreground pixels are noise, dropped before merging. Default 10. */
        public Builder minComponentArea(int pixels) {
            s.minComponentArea = nonNegative("minimum component area", pixels);
            return this;
        }

        /** Objects (after merging) with fewer foreground pixels are dropped. Default 40. */
        public Builder minArea(int pixels) {
            s.minArea = nonNegative("minimum area", pixels);
            return this;
        }

        /** Objects whose box covers more than this fraction of the frame are dropped (e.g. a light change). Default 0.5. */
        public Builder maxAreaFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maximum area fraction must be in (0, 1], got " + fraction);
            }
            s.maxAreaFraction = fraction;
            return this;
        }

        /** Fragments at most this many pixels apart horizontally and vertically are merged. Default 1 x 3. */
        public Builder mergeGap(int xPixels, int yPixels) {
            s.mergeGapX = nonNegative("horizontal merge gap", xPixels);
            s.mergeGapY = nonNegative("vertical merge gap", yPixels);
            return this;
        }

        /** Padding of each box: a fraction of its size on every side, plus a number of pixels. Default 0.05 + 1 px. */
        public Builder padding(double fraction, int pixels) {
            if (!(fraction >= 0) || Double.isInfinite(fraction)) {
                throw new IllegalArgumentException("padding fraction must be >= 0, got " + fraction);
            }
            s.padFraction = fraction;
            s.padPixels = nonNegative("padding pixels", pixels);
            return this;
        }

        /** The most frames {@link MotionDetector#prime} keeps from the normal videos (0 turns priming off). Default 400. */
        public Builder primeFrames(int frames) {
            s.primeFrames = nonNegative("prime frames", frames);
            return this;
        }

        /**
         * Whether the fragments of a merged object are also proposed, each as its own box, besides the merged box: a
         * cyclist merged with a walker then still has a tight box of its own. Default {@code false}: with the split
         * erosion on, the parts took places under the per-frame cap that the split's cores filled better (docs/detect.md).
         */
        public Builder parts(boolean value) {
            s.parts = value;
            return this;
        }

        /**
         * Side of the elliptic erosion whose components (grown back by its radius) are proposed as well, odd, or 0 for
         * none: objects joined by a bridge thinner than the kernel come apart. Default 9.
         */
        public Builder split(int size) {
            s.splitSize = oddOrZero("split erosion size", size);
            return this;
        }

        /** A proposal whose IoU with a more confident one is above this is dropped. Default 0.7. */
        public Builder nmsIou(double iou) {
            s.nmsIou = Check.unitInterval("NMS IoU threshold", iou);
            return this;
        }

        /**
         * At most this many detections per frame, or 0 for no limit, chosen as the {@link #ranking} says. Default 12.
         */
        public Builder maxDetections(int n) {
            s.maxDetections = nonNegative("maximum detections per frame", n);
            return this;
        }

        /**
         * Frame differencing fused with the background model: pixels whose grey level changed by more than this
         * many levels since the previous frame are foreground too (fast movers the model partly absorbs), or 0 for
         * none. Default 15.
         */
        public Builder frameDifference(int greyLevels) {
            s.frameDifference = Check.atLeast("frame difference threshold", greyLevels, 0);
            if (greyLevels > 254) {
                throw new IllegalArgumentException("frame difference threshold must be at most 254 grey levels, got "
                        + greyLevels);
            }
            return this;
        }

        /**
         * Valley split: each merged object is also cut where its foreground count per column (then per row) falls to at
         * most this fraction of the highest counts on either side, and the pieces are proposed with their boxes
         * shrunk to their foreground pixels (a cyclist beside a walker), or 0 for none. In [0, 1). Default 0.75, chosen
         * with the overlap ranking on Ped2's Test001-006 (docs/detect.md); 0.6 suits the {@link ProposalRanking#TIERS}
         * ranking.
         */
        public Builder valleySplit(double ratio) {
            if (!(ratio >= 0 && ratio < 1)) {
                throw new IllegalArgumentException("valley split ratio must be in [0, 1), got " + ratio);
            }
            s.valleySplit = ratio;
            return this;
        }

        /**
         * Where the valley pieces rank under the {@link ProposalRanking#TIERS} ranking (under the overlap ranking, this
         * order only breaks ties): {@code false} proposes them after the merged objects, beside the cores; {@code true}
         * proposes them in place of the object they split, which moves that object's whole box behind them. Default
         * {@code false}: on Ped2, pieces first raised recall at IoU 0.3 but lowered it at IoU 0.1 on one half of the
         * test clips (docs/detect.md).
         */
        public Builder valleyPiecesFirst(boolean value) {
            s.valleyPiecesFirst = value;
            return this;
        }

        /**
         * How the proposals fill the per-frame cap: {@link ProposalRanking#TIERS} (merged objects first, then the cores
         * and pieces, each group largest first) or {@link ProposalRanking#OVERLAP} (greedy by the summed best overlap
         * between all proposals and the kept boxes). Default {@link ProposalRanking#OVERLAP}: on Ped2, with the valley
         * split at 0.75, it raised recall at IoU 0.1 and 0.3 on both halves of the test clips over the tiers at 0.6, the
         * earlier default (docs/detect.md).
         */
        public Builder ranking(ProposalRanking value) {
            s.ranking = Objects.requireNonNull(value, "ranking");
            return this;
        }

        /**
         * Under {@link ProposalRanking#OVERLAP}, the power of the IoU that measures how well a kept box serves a
         * proposal: larger values count a loose fit for less. Positive. Default 5.
         */
        public Builder overlapExponent(double exponent) {
            s.overlapExponent = Check.positive("overlap exponent", exponent);
            return this;
        }

        /**
         * Under {@link ProposalRanking#OVERLAP}, the weight of a core or valley piece is its confidence raised to this
         * power (a merged object weighs 1): 0 counts every proposal alike, larger values discount small cores and
         * pieces more. At least 0. Default 0.
         */
        public Builder partWeight(double exponent) {
            s.partWeight = Check.nonNegative("part weight exponent", exponent);
            return this;
        }

        public MotionDetector build() {
            return new MotionDetector(s.copy());
        }

        private static int nonNegative(String what, int v) {
            return Check.atLeast(what, v, 0);
        }

        private static int oddOrZero(String what, int v) {
            if (v < 0 || (v > 1 && v % 2 == 0)) {
                throw new IllegalArgumentException(what + " must be 0 or an odd number, got " + v);
            }
            return v;
        }
    }
}
