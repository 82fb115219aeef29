package io.github.aed.nn.task;

import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Knowledge distillation: from the forward 7-frame sequence (never reversed), predict a frozen {@link Teacher}'s
 * outputs for the object. Loss: mean absolute error over the teacher's outputs, weight 0.5 in the reference. Objects
 * the teacher has no target for are masked out. Test score: the mean absolute discrepancy over the slots the teacher
 * compares at test time (the reference: |detector confidence − predicted slot of the detected class|).
 *
 * <p><b>Deliberate change:</b> the reference ends the head in Dense + ReLU. Its inputs (max-pooled ReLU features) are
 * non-negative, so a unit whose weights start mostly negative outputs 0 for every object and gets no gradient: it is
 * dead from the start (about half of the units; {@code LearningTest} saw a 2-output head stuck at 0 for good). The
 * default output here is softplus, non-negative like ReLU but never without gradient; {@link OutputActivation#RELU}
 * restores the reference.
 *
 * <p>The teacher itself is only needed where its outputs are computed (training, and test-time targets); this task
 * keeps its name, settings and output size so that a model file can describe and re-create it.
 */
public final class KnowledgeDistillation extends AbstractProxyTask {

    /** Registry name. */
    public static final String NAME = "distillation";
    private static final FrameSelection SEQUENCE = FrameSelection.consecutive(3, false);
    private static final String TEACHER = "teacher";
    private static final String TEACHER_OPTION = "teacher.";
    private static final String OUTPUTS = "outputs";
    private static final String ACTIVATION = "activation";

    private final Teacher teacher;
    private final OutputActivation activation;

    /** With the reference's weight 0.5 and a softplus output. */
    public KnowledgeDistillation(Teacher teacher) {
        this(teacher, 0.5);
    }

    /** With a softplus output. */
    public KnowledgeDistillation(Teacher teacher, double weight) {
        this(teacher, weight, OutputActivation.SOFTPLUS);
    }

    /**
     * @param teacher    the frozen teacher whose outputs the head predicts
     * @param weight     the task's weight in the total loss
     * @param activation the head's output activation: {@code SOFTPLUS} (default) or the reference's {@code RELU}; it must
     *                   be non-negative like the teacher's targets
     */
    public KnowledgeDistillation(Teacher teacher, double weight, OutputActivation activation) {
        super(NAME, TaskHead.regression(Objects.requireNonNull(teacher, "teacher").outputSize(), activation,
                LossKind.MEAN_ABSOLUTE_ERROR, weight), SEQUENCE, 3);
        this.teacher = teacher;
        if (activation != OutputActivation.SOFTPLUS && activation != OutputActivation.RELU) {
            throw new IllegalArgumentException("the distillation output must be SOFTPLUS or RELU, got " + activation);
        }
        this.activation = activation;
    }

    /** The teacher whose outputs the head predicts. */
    public Teacher teacher() {
        return teacher;
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

    /** {@code teacher} (its registry name), {@code outputs}, {@code activation}, and the teacher's own settings as "teacher.*". */
    @Override
    public Map<String, String> options() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(TEACHER, teacher.name());
        s.put(OUTPUTS, Integer.toString(teacher.outputSize()));
        s.put(ACTIVATION, activation.name());
        teacher.settings().forEach((k, v) -> s.put(TEACHER_OPTION + k, v));
        return s;
    }

    @Override
    public String toString() {
        return NAME + "(weight " + weight() + ", " + activation.name().toLowerCase(Locale.ROOT) + " output, teacher "
                + teacher.describe() + ")";
    }

    /**
     * The task from its saved weight, {@code teacher} (made by the settings' teacher registry from the "teacher.*"
     * options), {@code activation} (softplus when absent) and {@code outputs} (checked against the teacher).
     */
    private static KnowledgeDistillation fromSettings(TaskSettings settings) {
        Map<String, String> teacherSettings = new TreeMap<>();
        settings.options().forEach((k, v) -> {
            if (k.startsWith(TEACHER_OPTION)) {
                teacherSettings.put(k.substring(TEACHER_OPTION.length()), v);
            }
        });
        String teacherName = settings.requiredOption(TEACHER);
        KnowledgeDistillation kd = new KnowledgeDistillation(settings.teachers().create(teacherName, teacherSettings),
                settings.weight(), activation(settings));
        int outputs = settings.intOption(OUTPUTS, kd.teacher().outputSize());
        if (outputs != kd.teacher().outputSize()) {
            throw new IllegalArgumentException("task " + NAME + ": teacher " + teacherName + " now gives "
                    + kd.teacher().outputSize() + " outputs, the saved option '" + OUTPUTS + "' expects " + outputs);
        }
        return kd;
    }

    private static OutputActivation activation(TaskSettings settings) {
        String name = settings.option(ACTIVATION, OutputActivation.SOFTPLUS.name());
        try {
            return OutputActivation.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task " + NAME + ": the option '" + ACTIVATION + "' must be SOFTPLUS or "
                    + "RELU, got '" + name + "'", e);
        }
    }

    /** Re-creates the task from its saved settings (see {@link #options()}). */
    public static final class Provider extends ProxyTaskProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(NAME, KnowledgeDistillation::fromSettings);
        }
    }
}
