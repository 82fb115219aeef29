package io.github.aed.detect.motion;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.FrameMats;
import io.github.aed.detect.PrimedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The motion detector's background model: owns the OpenCV background subtractor, the grey (and optionally blurred)
 * frame it is fed, the primed frames that start every video's model, and the frame size that all frames must have.
 *
 * <p><b>Selective update.</b> With {@code holdFrames > 0}, the foreground pixels inside the boxes detected in the
 * previous frame ({@link #hold}) whose object stands still (fewer than {@value #STILL_FRACTION} of the box's pixels
 * changed by more than {@value #MOVING_LEVELS} grey levels since the previous frame) are <em>held</em>: the model classifies the frame first without learning, then learns
 * from a copy of the frame in which the held pixels show the model's own background image, so that a person who stops
 * is not absorbed into the background. A pixel held for more than {@code holdFrames} consecutive frames is learnt
 * again, so that a parked object or a false detection joins the background after that bounded time. Boxes larger than
 * {@value #HOLD_MAX_BOX} of the frame are not held, and a frame whose foreground covers more than
 * {@value #GLOBAL_CHANGE} of it (a change of light) is learnt whole, so that the model still adapts to light.
 *
 * <p><b>Light compensation.</b> With {@code lightCompensation} on, each grey frame is first divided by its gain
 * against the model's background image: the median, over a grid of every {@value #GAIN_GRID}th pixel in each
 * direction, of frame / background (pixels whose background is darker than {@value #GAIN_MIN_LEVEL} or whose frame
 * value is saturated left out). Objects cover a small part of a fixed camera's view, so the median is the light's
 * change: a cloud or a lamp brightening the whole scene by 10 % no longer makes every textured patch foreground. A gain
 * within {@value #GAIN_DEADBAND} of 1 is left alone (the frame is fed as it is).
 *
 * <p>Holds native OpenCV objects: close it. Not thread-safe.
 */
final class BackgroundModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundModel.class);

    /** Foreground above this fraction of the frame is a global change (light): the whole frame is learnt. */
    static final double GLOBAL_CHANGE = 0.2;

    /** Only boxes up to this fraction of the frame are held: larger ones are more likely light than an object. */
    static final double HOLD_MAX_BOX = 1 / 16.0;

    /** Grey levels a pixel must change by since the previous frame to count as moving. */
    static final int MOVING_LEVELS = 15;

    /** A box with fewer moving pixels than this fraction of its area holds a still object. */
    static final double STILL_FRACTION = 0.03;

    /** The light's gain is estimated on every this-many-th pixel in each direction. */
    static final int GAIN_GRID = 4;

    /** Background pixels darker than this grey level are left out of the gain (their ratio is noise). */
    static final int GAIN_MIN_LEVEL = 16;

    /** A gain this close to 1 is not compensated. */
    static final double GAIN_DEADBAND = 0.01;

    private final MotionSettings settings;
    private final Mat grey = new Mat();
    private final Mat boxMask = new Mat();
    private final Mat held = new Mat();
    private final Mat heldFor = new Mat();
    private final Mat expired = new Mat();
    private final Mat one = new Mat();
    private final Mat backgroundImage = new Mat();
    /** Whether {@link #backgroundImage} holds the model's image for the frame being subtracted. */
    private boolean backgroundImageCurrent;
    private final Mat composite = new Mat();
    private final Mat learnt = new Mat();
    private final Mat previousGrey = new Mat();
    private final Mat moving = new Mat();
    private List<Box> holdBoxes = List.of();
    private BackgroundSubtractor subtractor;
    private List<byte[]> primeFrames = List.of();
    private int primeVideos;
    private int width = -1;
    private int height = -1;

    BackgroundModel(MotionSettings settings) {
        this.settings = settings;
    }

    /**
     * Feeds the frame to the model and writes its foreground (255) and background (0) pixels to {@code foreground};
     * shadow pixels count as background. Returns the grey frame the model saw (blurred if {@code blurSize} says so),
     * owned by this model and overwritten by the next call.
     *
     * @throws InvalidInputException if the frame's size is not that of the primed frames, or, unprimed, of the video's
     *                               first frame
     */
    Mat subtract(Frame frame, Mat foreground) {
        checkSize(frame);
        if (subtractor == null) {
            startModel();
        }
        backgroundImageCurrent = false;
        FrameMats.toGrey(frame, grey);
        if (settings.blurSize > 1) {
            try (Size kernel = new Size(settings.blurSize, settings.blurSize)) {
                opencv_imgproc.GaussianBlur(grey, grey, kernel, 0);
            }
        }
        if (settings.lightCompensation) {
            compensateLight();
        }
        if (settings.holdFrames == 0 || holdBoxes.isEmpty() || previousGrey.empty()) {
            subtractor.apply(grey, foreground, settings.learningRate);
            foregroundOnly(foreground);
            heldFor.release();
            rememberGrey();
            return grey;
        }
        subtractor.apply(grey, foreground, 0);
        foregroundOnly(foreground);
        if (opencv_core.countNonZero(foreground) > GLOBAL_CHANGE * width * height) {
            heldFor.release();
            subtractor.apply(grey, learnt, settings.learningRate);
        } else {
            learnHolding(foreground);
        }
        rememberGrey();
        return grey;
    }

    /** Divides the grey frame by the light's gain against the background image (class comment). */
    private void compensateLight() {
        Mat image = backgroundImage();
        if (image.empty() || image.cols() != width || image.rows() != height || image.type() != opencv_core.CV_8UC1) {
            return;
        }
        byte[] frame = new byte[width * height];
        byte[] model = new byte[width * height];
        grey.data().get(frame);
        image.data().get(model);
        float[] ratios = new float[((width + GAIN_GRID - 1) / GAIN_GRID) * ((height + GAIN_GRID - 1) / GAIN_GRID)];
        int n = 0;
        for (int y = 0; y < height; y += GAIN_GRID) {
            for (int x = 0; x < width; x += GAIN_GRID) {
                int f = frame[y * width + x] & 0xFF;
                int b = model[y * width + x] & 0xFF;
                if (b >= GAIN_MIN_LEVEL && f < 255) {
                    ratios[n++] = f / (float) b;
                }
            }
        }
        if (n == 0) {
            return;
        }
        Arrays.sort(ratios, 0, n);
        double gain = ratios[n / 2];
        if (gain > 0 && Math.abs(gain - 1) > GAIN_DEADBAND) {
            grey.convertTo(grey, opencv_core.CV_8U, 1 / gain, 0);
        }
    }

    /**
     * The model's background image, fetched once per frame: classifying a frame without learning leaves the model,
     * and so its image, as it was.
     */
    private Mat backgroundImage() {
        if (!backgroundImageCurrent) {
            subtractor.getBackgroundImage(backgroundImage);
            backgroundImageCurrent = true;
        }
        return backgroundImage;
    }

    private void rememberGrey() {
        if (settings.holdFrames > 0) {
            grey.copyTo(previousGrey);
        }
    }

    /** Foreground is 255, shadow 127 (only with shadow detection on), background 0: keeps 255 only. */
    private static void foregroundOnly(Mat mask) {
        opencv_imgproc.threshold(mask, mask, 200, 255, opencv_imgproc.THRESH_BINARY);
    }

    /**
     * Learns from the grey frame with the held pixels (foreground inside the hold boxes, held for at most
     * {@code holdFrames} frames in a row) replaced by the model's background image.
     */
    private void learnHolding(Mat foreground) {
        boxMask.create(height, width, opencv_core.CV_8UC1);
        boxMask.put(new Scalar(0.0));
        opencv_core.absdiff(grey, previousGrey, moving);
        opencv_imgproc.threshold(moving, moving, MOVING_LEVELS, 255, opencv_imgproc.THRESH_BINARY);
        for (Box b : holdBoxes) {
            if (b.area() > HOLD_MAX_BOX * width * height) {
                continue;
            }
            try (Rect r = new Rect(b.xMin(), b.yMin(), b.width(), b.height()); Mat inBox = new Mat(moving, r)) {
                if (opencv_core.countNonZero(inBox) >= STILL_FRACTION * b.area()) {
                    continue;
                }
                opencv_imgproc.rectangle(boxMask, r, new Scalar(255.0), -1, opencv_imgproc.LINE_8, 0);
            }
        }
        opencv_core.bitwise_and(foreground, boxMask, held);
        if (heldFor.empty()) {
            heldFor.create(height, width, opencv_core.CV_8UC1);
            heldFor.put(new Scalar(0.0));
        }
        if (one.empty()) {
            one.create(height, width, opencv_core.CV_8UC1);
            one.put(new Scalar(1.0));
        }
        // frames held in a row: +1 (saturating at 255) where held, 0 elsewhere; past holdFrames the pixel is learnt
        opencv_core.add(heldFor, one, heldFor);
        opencv_core.bitwise_and(heldFor, held, heldFor);
        opencv_imgproc.threshold(heldFor, expired, settings.holdFrames, 255, opencv_imgproc.THRESH_BINARY_INV);
        opencv_core.bitwise_and(held, expired, held);
        grey.copyTo(composite);
        backgroundImage().copyTo(composite, held);
        subtractor.apply(composite, learnt, settings.learningRate);
    }

    /**
     * The boxes of the objects just detected: the foreground inside them is held out of the model's learning at the
     * next frame (when {@code holdFrames > 0}). The list is copied.
     */
    void hold(List<Box> boxes) {
        holdBoxes = List.copyOf(boxes);
    }

    /** The frame width all frames must have, or -1 before the first frame of an unprimed model. */
    int width() {
        return width;
    }

    /** The frame height all frames must have, or -1 before the first frame of an unprimed model. */
    int height() {
        return height;
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
     * Forgets the current video: a primed model starts afresh here, fed with the primed frames; an unprimed one at the
     * next frame, whose size it then takes.
     */
    void reset() {
        holdBoxes = List.of();
        heldFor.release();
        previousGrey.release();
        if (subtractor != null) {
            subtractor.close();
            subtractor = null;
        }
        if (primeFrames.isEmpty()) {
            width = -1;
            height = -1;
        } else {
            startModel();
        }
    }

    /**
     * Samples up to {@code primeFrames} grey frames evenly over the videos (in order) and keeps them as the starting
     * state of every video's model; replaces any earlier priming. An empty list removes the priming.
     *
     * @throws InvalidInputException if the videos' frames differ in size
     */
    void prime(List<Video> normalVideos) {
        forgetPriming();
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
        startPrimed(new PrimedBackground(kept, normalVideos.size(), pw, ph));
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

    /** The kept grey frames ({@link PrimedBackground}); none when unprimed. */
    PrimedState primedState() {
        return primeFrames.isEmpty() ? PrimedState.NONE
                : new PrimedBackground(primeFrames, primeVideos, width, height).toState();
    }

    /**
     * Replaces the priming with the one a {@link #primedState()} holds (none for an empty state).
     *
     * @throws IllegalArgumentException if the state is not a motion detector's or is damaged
     */
    void restore(PrimedState state) {
        PrimedBackground background = state.isEmpty() ? null : PrimedBackground.from(state);
        forgetPriming();
        if (background != null) {
            startPrimed(background);
        }
    }

    private void forgetPriming() {
        primeFrames = List.of();
        primeVideos = 0;
        reset();
    }

    private void startPrimed(PrimedBackground background) {
        primeFrames = background.frames();
        primeVideos = background.videos();
        width = background.width();
        height = background.height();
        startModel();
    }

    /** The number of primed frames; 0 when not primed. */
    int primedFrameCount() {
        return primeFrames.size();
    }

    /** {@code unprimed}, or the number of primed frames and of the videos they came from. */
    String describePriming() {
        return primeFrames.isEmpty() ? "unprimed"
                : "primed on " + primeFrames.size() + " frames of " + primeVideos + " videos";
    }

    @Override
    public void close() {
        if (subtractor != null) {
            subtractor.close();
        }
        for (Mat m : new Mat[] {grey, boxMask, held, heldFor, expired, one, backgroundImage, composite, learnt, previousGrey, moving}) {
            m.close();
        }
    }
}
