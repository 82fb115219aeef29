package io.github.aed.detect;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One or more detectors run on every frame, their detections pooled (the union), then passed through a
 * {@link PostProcessor}. Use it to combine, say, a motion detector with a person detector and suppress the boxes both
 * of them find, or simply to filter a single detector's output.
 *
 * <p>The composed detector owns its parts: {@link #reset()}, {@link #prime} and {@link #close()} are passed to each of
 * them in order. Like its parts, it is used by one thread at a time.
 */
public final class ComposedDetector implements ObjectDetector {

    private final List<ObjectDetector> parts;
    private final PostProcessor postProcessor;

    private ComposedDetector(List<ObjectDetector> parts, PostProcessor postProcessor) {
        this.parts = parts;
        this.postProcessor = postProcessor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the same parts and post-processing (the parts are shared, not copied). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parts.addAll(parts);
        b.postProcessor = postProcessor;
        return b;
    }

    @Override
    public List<Detection> detect(Frame frame) {
        List<Detection> pooled = new ArrayList<>();
        for (ObjectDetector d : parts) {
            pooled.addAll(d.detect(frame));
        }
        return postProcessor.apply(pooled, frame.width(), frame.height());
    }

    @Override
    public void reset() {
        parts.forEach(ObjectDetector::reset);
    }

    @Override
    public void prime(List<Video> normalVideos) {
        for (ObjectDetector d : parts) {
            d.prime(normalVideos);
        }
    }

    /** The class names of the first part that has any. */
    @Override
    public List<String> classNames() {
        return parts.stream().map(ObjectDetector::classNames).filter(n -> !n.isEmpty()).findFirst().orElse(List.of());
    }

    /** The detectors whose outputs are pooled, in order. */
    public List<ObjectDetector> parts() {
        return parts;
    }

    public PostProcessor postProcessor() {
        return postProcessor;
    }

    @Override
    public String describe() {
        String inner = parts.stream().map(ObjectDetector::describe).collect(Collectors.joining(" + "));
        return (parts.size() == 1 ? inner : "union(" + inner + ")") + " then " + postProcessor.describe();
    }

    /** Closes every part, even if closing one of them fails; the first failure is rethrown. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (ObjectDetector d : parts) {
            try {
                d.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Parts are required (at least one); post-processing defaults to {@link PostProcessor#NONE}. */
    public static final class Builder {
        private final List<ObjectDetector> parts = new ArrayList<>();
        private PostProcessor postProcessor = PostProcessor.NONE;

        private Builder() {
        }

        /** Appends a detector whose output joins the pool. */
        public Builder add(ObjectDetector detector) {
            parts.add(Objects.requireNonNull(detector, "detector"));
            return this;
        }

        /** Replaces the post-processing stage. */
        public Builder postProcessor(PostProcessor value) {
            postProcessor = Objects.requireNonNull(value, "postProcessor");
            return this;
        }

        /** @throws IllegalStateException if no detector was added */
        public ComposedDetector build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a composed detector needs at least one detector: call add(detector)");
            }
            return new ComposedDetector(List.copyOf(parts), postProcessor);
        }
    }
}
