package io.github.aed.detect;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import java.util.List;
import java.util.Optional;

/**
 * Finds objects in frames: the first stage of the pipeline, and the seam where users plug in their own detector.
 *
 * <p><b>Lifecycle.</b> Frames of one video are passed to {@link #detect} in order. Detectors with temporal state (a
 * background model) keep it between calls; {@link #reset()} forgets it before the next video. Detectors that learn
 * from normal video (e.g. a background model primed on a dataset's training clips) do so in {@link #prime}. Detectors
 * that hold native resources (networks, OpenCV objects) release them in {@link #close()}.
 *
 * <p><b>Threads.</b> An instance is used by one thread at a time unless its documentation says otherwise; run one
 * instance per concurrently processed video.
 *
 * <p><b>Output.</b> Boxes are half-open pixel coordinates inside the frame (clipped, non-empty); the detection's frame
 * index is the frame's index. Detectors with classes fill the class id, name and confidence, and the per-class score
 * vector when they have one (knowledge distillation uses it).
 */
public interface ObjectDetector extends AutoCloseable {

    /** The objects in this frame, the next frame of the current video. */
    List<Detection> detect(Frame frame);

    /** Forgets per-video state before a new video. Stateless detectors need not override it. */
    default void reset() {
    }

    /** Learns from normal videos before detection (e.g. a background model). Detectors that learn nothing ignore it. */
    default void prime(List<Video> normalVideos) {
    }

    /**
     * The names of the detector's classes, indexed by class id (e.g. the 80 COCO names); empty for a detector without
     * classes or whose classes are not known before it runs. Distillation sizes its class-score teacher by it.
     */
    default List<String> classNames() {
        return List.of();
    }

    /** A one-line description of the detector and every setting that changes its output, printed with results. */
    String describe();

    /**
     * The {@link io.github.aed.detect.spec.DetectorSpec} text that builds this detector again, unprimed, with every
     * setting that changes its output; empty when the spec syntax cannot express it (a user's own detector, or settings
     * the syntax lacks). A model file keeps the spec, so a detector with one comes back with the model
     * ({@link io.github.aed.detect.spec.DetectorRecipe}).
     */
    default Optional<String> spec() {
        return Optional.empty();
    }

    /** What {@link #prime} learned, for a model file to carry; {@link PrimedState#NONE} when nothing. */
    default PrimedState primedState() {
        return PrimedState.NONE;
    }

    /**
     * Takes back a state that {@link #primedState()} of a detector built from the same spec returned, replacing any
     * priming, so this detector detects exactly as that one did.
     *
     * @throws IllegalArgumentException if the state was not made by a detector of this kind and settings
     */
    default void restore(PrimedState state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(describe() + " learns nothing in prime(), but was given the primed state " + state);
        }
    }

    /** Releases native resources. Idempotent. */
    @Override
    default void close() {
    }
}
