package io.github.aed.nn.teacher;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.Map;

/**
 * A frozen model whose outputs for an object the distillation task learns to match: the second extension point
 * beside {@link io.github.aed.nn.task.ProxyTask}. Built-ins: {@link DetectorConfidenceTeacher} (the detector's class
 * confidence, what the reference compares at test time), {@link OpenCvClassifierTeacher} (a classifier network from a
 * user's file, e.g. the reference's ResNet-50 logits), {@link HogPersonTeacher} (an offline teacher from what ships
 * with OpenCV) and {@link ConcatenatedTeacher} (several side by side, as the reference's 1000 + 80 outputs).
 *
 * <p>Teachers see the object where it was detected: the full frame (original resolution) and the detection.
 * Implementations are used from one thread at a time; those holding native resources release them in {@link #close}.
 */
public interface Teacher extends AutoCloseable {

    /** Registry name, e.g. "detector-confidence". */
    String name();

    /** One line naming the teacher and every setting that changes its outputs. */
    String describe();

    /** Length of the output vector. */
    int outputSize();

    /**
     * The training target for an object: {@link #outputSize()} non-negative values (the distillation head ends in a
     * ReLU), or {@code null} when this teacher has no target for it (the sample is then masked out of the loss).
     */
    float[] outputs(Frame frame, Detection detection);

    /**
     * The outputs compared at test time and their values; empty for a teacher too costly to run at test time. The
     * default runs {@link #outputs} and compares every slot.
     */
    default TeacherTargets testTargets(Frame frame, Detection detection) {
        float[] o = outputs(frame, detection);
        if (o == null) {
            return TeacherTargets.none();
        }
        int[] slots = new int[o.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        return new TeacherTargets(slots, o);
    }

    /** Settings that re-create this teacher through its {@link TeacherRegistry} factory; stored in model files. */
    Map<String, String> settings();

    @Override
    default void close() {
    }
}
