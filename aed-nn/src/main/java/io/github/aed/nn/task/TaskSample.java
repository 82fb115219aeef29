package io.github.aed.nn.task;

import java.util.Objects;

/**
 * What a task makes of one training object: the frames its head sees, the target its head must produce, and whether
 * the sample applies at all (a task whose target is unavailable for this object, e.g. distillation without a teacher
 * output, says no: the sample is masked out of that head's loss and gradient).
 *
 * @param input   the input frames; {@code null} for a task that reads another task's input ({@link ProxyTask#inputOf()})
 * @param target  the target values, of the task head's {@link TaskHead#outputLength output length}
 * @param applies whether the sample counts in the task's loss
 */
public record TaskSample(FrameSelection input, float[] target, boolean applies) {

    /** Validates the target. */
    public TaskSample {
        Objects.requireNonNull(target, "target");
    }

    /** A sample with its own input frames. */
    public static TaskSample of(FrameSelection input, float[] target) {
        return new TaskSample(Objects.requireNonNull(input, "input"), target, true);
    }

    /** A sample of a task that reads another task's input. */
    public static TaskSample sharedInput(float[] target) {
        return new TaskSample(null, target, true);
    }

    /** A sample that does not count (zero target of the given length). */
    public static TaskSample notApplicable(FrameSelection input, int targetLength) {
        return new TaskSample(input, new float[targetLength], false);
    }
}
