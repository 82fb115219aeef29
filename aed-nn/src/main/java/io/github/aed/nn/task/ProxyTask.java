package io.github.aed.nn.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A self-supervised proxy task: one head on the shared 3D-CNN encoder. This is the library's extension point for
 * tasks; the four built-ins ({@link ArrowOfTime}, {@link MotionIrregularity}, {@link MiddleBox},
 * {@link KnowledgeDistillation}) are ordinary implementations, and a user's task plugs in the same way: put it in the
 * task list, and publish a {@link ProxyTaskProvider} (a {@code META-INF/services} entry) so that model files naming it
 * can be loaded.
 *
 * <p>A task says:
 * <ol>
 * <li>how one training object becomes an input and a target ({@link #sample}), from a seeded random source;</li>
 * <li>its head, loss and weight ({@link #head}), in the library's own terms: the network builds the layers;</li>
 * <li>how the head's output becomes an anomaly score at test time ({@link #score}): higher means more abnormal;</li>
 * <li>its own options ({@link #options}), which the library saves in model files beside the weight.</li>
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

    /** The settings key under which {@link #settings()} stores the weight; no option may use it. */
    String WEIGHT = "weight";

    /** Unique name, e.g. "arrow-of-time"; used for layer names, in progress reports and in model files. */
    String name();

    /** The head: its output, loss and the task's weight. */
    TaskHead head();

    /** Weight of this task's loss in the total loss (the reference: 1, 1, 1 and 0.5 for distillation): the head's. */
    default double weight() {
        return head().weight();
    }

    /** The head's loss. */
    default LossKind loss() {
        return head().loss();
    }

    /** The name of the task whose input this task's head reads; its own name when it draws its own input. */
    default String inputOf() {
        return name();
    }

    /** The frames of a test cube this task's head reads at test time. Tasks sharing an input must agree on it. */
    FrameSelection testInput();

    /** The cube radius k the training samples need (e.g. 9 for intermittent sequences within ±9 frames). */
    int trainingRadius();

    /**
     * Makes this task's training sample for one object.
     *
     * @param object      the object's training cube (radius at least {@link #trainingRadius()}) and teacher outputs
     * @param sharedInput the input drawn by the task named by {@link #inputOf()}, or {@code null} when this task draws
     *                    its own
     * @param random      a random source seeded for this object, task and epoch; the only randomness allowed
     * @return the sample; its input must have {@link #testInput()}'s length, and be {@code null} iff sharedInput is not;
     *         its target has the head's {@link TaskHead#outputLength output length}
     */
    TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random);

    /**
     * The anomaly score of one test object from this task's head output (higher = more abnormal). The output layout is
     * the target's.
     */
    double score(float[] output, ScoringObject object);

    /**
     * The task's own options, which its {@link ProxyTaskProvider} reads back through {@link TaskSettings}; the weight is
     * not among them (the library saves it). None by default.
     */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * What model files store for this task: {@value #WEIGHT} (the head's weight) and the {@link #options()}. Built by
     * the library from those two; implementations define {@link #options()} and leave this method alone.
     *
     * @throws IllegalStateException if an option is named {@value #WEIGHT}
     */
    default Map<String, String> settings() {
        Map<String, String> options = options();
        if (options.containsKey(WEIGHT)) {
            throw new IllegalStateException("task " + name() + " has an option named '" + WEIGHT
                    + "', which is reserved for the weight the library saves");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(WEIGHT, Double.toString(weight()));
        settings.putAll(options);
        return settings;
    }
}
