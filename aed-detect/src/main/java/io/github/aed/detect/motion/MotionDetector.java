package io.github.aed.detect.motion;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.PrimedState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * confident. No kept box has an IoU above {@code nmsIou} with another. Detections have no class
 * ({@link Detection#UNKNOWN_CLASS}); their confidence is {@code n / (n + minArea)} for {@code n} foreground pixels
 * (0.5 at the minimum area, towards 1 for large objects).
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

    private final MotionSettings settings;
    private final BackgroundModel background;
    private final ProposalGenerator proposals;
    private boolean closed;

    MotionDetector(MotionSettings settings) {
        this.settings = settings;
        this.background = new BackgroundModel(settings);
        this.proposals = new ProposalGenerator(settings);
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

    @Override
    public List<Detection> detect(Frame frame) {
        ensureOpen();
        List<Detection> proposed = proposals.propose(frame, background);
        List<Integer> chosen = OverlapSelection.select(proposed.stream().map(Detection::box).toList(),
                settings.maxDetections == 0 ? Integer.MAX_VALUE : settings.maxDetections, settings.nmsIou,
                settings.overlapExponent);
        List<Detection> out = chosen.stream().map(proposed::get).toList();
        background.hold(out.stream().map(Detection::box).toList());
        return out;
    }

    /**
     * Forgets the current video. A primed detector starts its fresh model here, feeding it the primed frames (this
     * costs about as much as detecting in that many frames); an unprimed one starts it at the next frame.
     */
    @Override
    public void reset() {
        ensureOpen();
        proposals.reset();
        background.reset();
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
        proposals.reset();
        background.prime(normalVideos);
    }

    /**
     * {@code motion}, followed by {@code ,hold=N} when {@code holdFrames} is not the default and {@code ,light=off}
     * without light compensation: the spec syntax has no other settings for this detector, so a recipe holds for the
     * defaults and those settings only.
     */
    @Override
    public Optional<String> spec() {
        int hold = settings.holdFrames();
        return Optional.of("motion" + (hold == MotionSettings.DEFAULT_HOLD_FRAMES ? "" : ",hold=" + hold)
                + (settings.lightCompensation() ? "" : ",light=off"));
    }

    /** The kept grey frames ({@link PrimedBackground}); none when unprimed. */
    @Override
    public PrimedState primedState() {
        ensureOpen();
        return background.primedState();
    }

    @Override
    public void restore(PrimedState state) {
        ensureOpen();
        background.restore(state);
        proposals.reset();
    }

    /** The number of frames kept by {@link #prime}; 0 when not primed. */
    public int primedFrameCount() {
        return background.primedFrameCount();
    }

    /** The settings this detector was built with. */
    public MotionSettings settings() {
        return settings;
    }

    @Override
    public String describe() {
        return "motion[" + settings.describe() + ", " + background.describePriming() + "]";
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
        background.close();
        proposals.close();
    }
}
