package io.github.aed.nn.task;

import io.github.aed.nn.network.HeadBuilder;
import io.github.aed.nn.network.Heads;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.activations.Activation;

/**
 * Knowledge distillation: from the forward 7-frame sequence (never reversed), predict a frozen {@link Teacher}'s
 * outputs for the object. Loss: mean absolute error over the teacher's outputs, weight 0.5 in the reference. Objects
 * the teacher has no target for are masked out. Test score: the mean absolute discrepancy over the slots the teacher
 * compares at test time (the reference: |detector confidence − predicted slot of the detected class|).
 *
 * <p><b>Deliberate change:</b> the reference ends the head in Dense + ReLU. Its inputs (max-pooled ReLU features) are
 * non-negative, so a unit whose weights start mostly negative outputs 0 for every object and gets no gradient: it is
 * dead from the start (about half of the units; {@code LearningTest} saw a 2-output head stuck at 0 for good). The
 * default output here is softplus, non-negative like ReLU but never without gradient; {@code Activation.RELU} restores
 * the reference.
 *
 * <p>The teacher itself is only needed where its outputs are computed (training, and test-time targets); this task
 * keeps its name, settings and output size so that a model file can describe and re-create it.
 */
public final class KnowledgeDistillation extends AbstractProxyTask {

    /** Registry name. */
    public static final String NAME = "distillation";
    private static final FrameSelection SEQUENCE = FrameSelection.consecutive(3, false);

    private final Teacher teacher;
    private final Activation activation;

    /** With the reference's weight 0.5 and a softplus output. */
    public KnowledgeDistillation(Teacher teacher) {
        this(teacher, 0.5);
    }

    /** With a softplus output. */
    public KnowledgeDistillation(Teacher teacher, double weight) {
        this(teacher, weight, Activation.SOFTPLUS);
    }

    /**
     * @param activation the head's output activation: {@code SOFTPLUS} (default) or the reference's {@code RELU}; it must
     *                   be non-negative like the teacher's targets
     */
    public KnowledgeDistillation(Teacher teacher, double weight, Activation activation) {
        super(NAME, weight, LossKind.MEAN_ABSOLUTE_ERROR, SEQUENCE, 3);
        this.teacher = Objects.requireNonNull(teacher, "teacher");
        if (activation != Activation.SOFTPLUS && activation != Activation.RELU) {
            throw new IllegalArgumentException("the distillation output must be SOFTPLUS or RELU, got " + activation);
        }
        this.activation = activation;
    }

    public Teacher teacher() {
        return teacher;
    }

    @Override
    public int targetLength(int channels, int size) {
        return teacher.outputSize();
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        float[] t = object.teacherOutputs();
        if (t == null) {
            return TaskSample.notApplicable(SEQUENCE, teacher.outputSize());
        }
        if (t.length != teacher.outputSize()) {
            throw new IllegalArgumentException("teacher " + teacher.name() + " gave " + t.length + " outputs, expected "
                    + teacher.outputSize());
        }
        return TaskSample.of(SEQUENCE, t);
    }

    @Override
    public void buildHead(HeadBuilder head) {
        Heads.regressor(head, teacher.outputSize(), activation);
    }

    @Override
    public double score(float[] output, ScoringObject object) {
        TeacherTargets t = object.teacherTargets().orElseThrow(() -> new IllegalStateException(
                "the distillation score of object " + object.index() + " needs the teacher's test-time targets ("
                        + teacher.describe() + "); compute them with Teacher.testTargets"));
        if (t.isEmpty()) {
            throw new IllegalStateException("teacher " + teacher.name() + " compares no output at test time; the "
                    + "distillation task cannot score without one (add a DetectorConfidenceTeacher part)");
        }
        int[] slots = t.slots();
        float[] values = t.values();
        double sum = 0;
        for (int i = 0; i < slots.length; i++) {
            sum += Math.abs(values[i] - output[slots[i]]);
        }
        return sum / slots.length;
    }

    /** {@code weight}, {@code teacher} (its registry name), {@code outputs}, {@code activation}, and the teacher's own settings as "teacher.*". */
    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("weight", Double.toString(weight()));
        s.put("teacher", teacher.name());
        s.put("outputs", Integer.toString(teacher.outputSize()));
        s.put("activation", activation.name());
        teacher.settings().forEach((k, v) -> s.put("teacher." + k, v));
        return s;
    }

    @Override
    public String toString() {
        return NAME + "(weight " + weight() + ", " + activation.name().toLowerCase(java.util.Locale.ROOT) + " output, teacher "
                + teacher.describe() + ")";
    }
}
