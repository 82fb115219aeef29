package io.github.aed.nn.task;

import io.github.aed.nn.network.HeadBuilder;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A self-supervised proxy task: one head on the shared 3D-CNN encoder. This is the library's extension point for
 * tasks; the four built-ins ({@link ArrowOfTime}, {@link MotionIrregularity}, {@link MiddleBox},
 * {@link KnowledgeDistillation}) are ordinary implementations, and a user's task plugs in the same way (register a
 * factory in a {@link TaskRegistry} so that model files naming it can be loaded).
 *
 * <p>A task says:
 * <ol>
 * <li>how one training object becomes an input and a target ({@link #sample}), from a seeded random source;</li>
 * <li>its head on the latent map ({@link #buildHead});</li>
 * <li>its loss ({@link #loss}) and weight ({@link #weight}) in the total loss;</li>
 * <li>how the head's output becomes an anomaly score at test time ({@link #score}): higher means more abnormal.</li>
 * </ol>
 *
 * <p><b>Inputs and the shared encoder.</b> Every distinct input runs through the encoder once. A task either draws its
 * own input ({@link #inputOf()} returns its own name) or reads the input another task drew for the same object (the
 * middle-box task reads the arrow-of-time input, as in the reference). At test time tasks whose
 * {@link #testInput()} is equal share one encoder pass: with the built-ins, two passes per object (6 and 7 frames).
 *
 * <p>Implementations must be immutable and thread-safe: samples are prepared on another thread than the network's.
 */
public interface ProxyTask {

    /** Unique name, e.g. "arrow-of-time"; used for layer names, in progress reports and in model files. */
    String name();

    /** Weight of this task's loss in the total loss (the reference: 1, 1, 1 and 0.5 for distillation). */
    double weight();

    /** The head's loss. */
    LossKind loss();

    /** The name of the task whose input this task's head reads; its own name when it draws its own input. */
    default String inputOf() {
        return name();
    }

    /** The frames of a test cube this task's head reads at test time. Tasks sharing an input must agree on it. */
    FrameSelection testInput();

    /** The cube radius k the training samples need (e.g. 9 for intermittent sequences within ±9 frames). */
    int trainingRadius();

    /** Number of target values per sample for cubes of this geometry (e.g. 2 for a two-way classifier). */
    int targetLength(int channels, int size);

    /**
     * Makes this task's training sample for one object.
     *
     * @param object      the object's training cube (radius at least {@link #trainingRadius()}) and teacher outputs
     * @param sharedInput the input drawn by the task named by {@link #inputOf()}, or {@code null} when this task draws
     *                    its own
     * @param random      a random source seeded for this object, task and epoch; the only randomness allowed
     * @return the sample; its input must have {@link #testInput()}'s length, and be {@code null} iff sharedInput is not
     */
    TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random);

    /**
     * Adds this task's head to the network, on {@link HeadBuilder#latent()}, ending with exactly one call to one of
     * the builder's output methods. {@link io.github.aed.nn.network.Heads} has the reference's heads.
     */
    void buildHead(HeadBuilder head);

    /**
     * The anomaly score of one test object from this task's head output (higher = more abnormal). The output layout is
     * the target's.
     */
    double score(float[] output, ScoringObject object);

    /**
     * The settings that re-create this task through its {@link TaskRegistry} factory (weight and any option); stored in
     * model files.
     */
    Map<String, String> settings();
}
