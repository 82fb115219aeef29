package io.github.aed.nn.network;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.ScoringObject;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The multi-task 3D CNN: one shared encoder, one head per {@link ProxyTask}.
 *
 * <p>It holds two DL4J graphs over the same parameters (see {@link GraphLayout}): a training graph with one encoder
 * path per task input, and an inference graph with one path per distinct test-time input. Parameters are addressed by
 * canonical names ({@code encoder/b0c0_W}, {@code arrow-of-time/conv_W}, …) for saving and loading.
 *
 * <p>Not thread-safe: one thread trains or scores at a time. ND4J arrays are off-heap; the network holds them until it
 * is garbage collected.
 */
public final class MultiTaskNetwork {

    private final NetworkSettings settings;
    private final List<ProxyTask> tasks;
    private final GraphLayout trainingLayout;
    private final ComputationGraph training;
    private GraphLayout inferenceLayout;
    private ComputationGraph inference;
    private boolean inferenceStale = true;

    private MultiTaskNetwork(NetworkSettings settings, List<ProxyTask> tasks) {
        this.settings = settings;
        this.tasks = List.copyOf(tasks);
        checkTasks(settings, this.tasks);
        this.trainingLayout = GraphLayout.training(settings, this.tasks);
        this.training = new ComputationGraph(trainingLayout.configuration());
        training.init();
        Map<String, INDArray> table = training.paramTable();
        Map<String, INDArray> firstCopy = canonicalViews(training, trainingLayout);
        assignFromCanonical(training, trainingLayout, firstCopy);
        TiedGradients tie = new TiedGradients(trainingLayout.canonical(), table);
        if (tie.isNeeded()) {
            training.addListeners(tie);
        }
    }

    /** A freshly initialised network (Glorot-uniform kernels from the settings' seed). */
    public static MultiTaskNetwork create(NetworkSettings settings, List<ProxyTask> tasks) {
        return new MultiTaskNetwork(settings, tasks);
    }

    /**
     * A network with the given parameters, by canonical name (as {@link #parameters()} returns them).
     *
     * @throws IllegalArgumentException if a parameter is missing, extra, or of another shape
     */
    public static MultiTaskNetwork withParameters(NetworkSettings settings, List<ProxyTask> tasks, Map<String, INDArray> params) {
        MultiTaskNetwork n = new MultiTaskNetwork(settings, tasks);
        Map<String, INDArray> own = canonicalViews(n.training, n.trainingLayout);
        Set<String> extra = new HashSet<>(params.keySet());
        extra.removeAll(own.keySet());
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("parameters " + new TreeMap<>(params).keySet().stream().filter(extra::contains).toList()
                    + " do not belong to a " + settings.variant().id() + " network with tasks " + taskNames(tasks));
        }
        for (Map.Entry<String, INDArray> e : own.entrySet()) {
            INDArray p = params.get(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " is missing");
            }
            if (!java.util.Arrays.equals(p.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape " + java.util.Arrays.toString(p.shape())
                        + ", the network expects " + java.util.Arrays.toString(e.getValue().shape()));
            }
        }
        assignFromCanonical(n.training, n.trainingLayout, params);
        return n;
    }

    private static void checkTasks(NetworkSettings s, List<ProxyTask> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("the network needs at least one proxy task");
        }
        Set<String> names = new HashSet<>();
        for (ProxyTask t : tasks) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tasks are named '" + t.name() + "'");
            }
            if (!(t.weight() >= 0) || Double.isInfinite(t.weight())) {
                throw new IllegalArgumentException("task " + t.name() + ": weight must be a finite number >= 0, got " + t.weight());
            }
        }
        for (ProxyTask t : tasks) {
            if (t.inputOf().equals(t.name())) {
                continue;
            }
            ProxyTask owner = tasks.stream().filter(o -> o.name().equals(t.inputOf())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("task " + t.name() + " reads the input of task '" + t.inputOf()
                            + "', which is not among the tasks " + taskNames(tasks)));
            if (!owner.inputOf().equals(owner.name())) {
                throw new IllegalArgumentException("task " + t.name() + " reads the input of " + owner.name()
                        + ", which itself reads another task's input; name the task that draws it");
            }
            if (!owner.testInput().equals(t.testInput())) {
                throw new IllegalArgumentException("task " + t.name() + " shares the input of " + owner.name()
                        + " but has another test-time input (" + t.testInput() + " vs " + owner.testInput() + ")");
            }
        }
    }

    static List<String> taskNames(List<ProxyTask> tasks) {
        return tasks.stream().map(ProxyTask::name).toList();
    }

    public NetworkSettings settings() {
        return settings;
    }

    public List<ProxyTask> tasks() {
        return tasks;
    }

    /** The training graph's layout: its input paths (in MultiDataSet feature order) and the task → path mapping. */
    public GraphLayout trainingLayout() {
        return trainingLayout;
    }

    /** The inference graph's layout. */
    public GraphLayout inferenceLayout() {
        ensureInference();
        return inferenceLayout;
    }

    /** The DL4J training graph; features in {@link #trainingLayout()} path order, labels and masks in task order. */
    public ComputationGraph trainingGraph() {
        return training;
    }

    /**
     * One Adam step on a mini-batch (features per training path, labels and 0/1 label masks per task).
     *
     * @return each task's loss on the batch, unweighted (its head's score divided by the task weight)
     */
    public double[] fit(MultiDataSet batch) {
        training.fit(batch);
        inferenceStale = true;
        double[] losses = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            double w = tasks.get(t).weight();
            double score = training.getOutputLayer(t).score();
            losses[t] = w == 0 ? 0 : score / w;
        }
        return losses;
    }

    /**
     * Lets the learning rate fall linearly from the network's learning rate at the training graph's first mini-batch
     * to zero at mini-batch {@code batches} (counted from 0; it stays zero after). Call it before the first
     * {@link #fit}.
     *
     * @throws IllegalArgumentException if {@code batches < 1}
     * @throws IllegalStateException    if the network has already been trained
     */
    public void decayLearningRateOver(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("learning rate decay needs at least 1 mini-batch, got " + batches);
        }
        if (training.getIterationCount() != 0) {
            throw new IllegalStateException("the learning rate schedule is set before training, but "
                    + training.getIterationCount() + " mini-batches have run");
        }
        training.setLearningRate(new LinearDecay(settings.learningRate(), batches));
    }

    /** Number of trainable and statistics parameters of the shared network (one encoder copy). */
    public long parameterCount() {
        return canonicalViews(training, trainingLayout).values().stream().mapToLong(INDArray::length).sum();
    }

    /** Copies of every parameter by canonical name, sorted. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> out = new TreeMap<>();
        canonicalViews(training, trainingLayout).forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    /**
     * Every task's head output for a batch of test cubes, in inference mode (moving batch-norm statistics, no dropout).
     *
     * @return {@code [task][object][value]}, value layout as the task's target
     * @throws IllegalArgumentException if the cubes do not match the network (channels, size, radius)
     */
    public float[][][] outputs(CubeBatch batch) {
        checkCubes(batch.settings());
        ensureInference();
        int n = batch.size();
        float[][][] out = new float[tasks.size()][n][];
        if (n == 0) {
            return out;
        }
        INDArray[] inputs = new INDArray[inferenceLayout.paths().size()];
        for (int p = 0; p < inputs.length; p++) {
            inputs[p] = select(batch, inferenceLayout.paths().get(p));
        }
        INDArray[] heads = inference.output(false, inputs);
        for (int t = 0; t < tasks.size(); t++) {
            INDArray h = heads[t].reshape('c', n, heads[t].length() / n);
            for (int i = 0; i < n; i++) {
                out[t][i] = h.getRow(i).toFloatVector();
            }
        }
        return out;
    }

    /**
     * The raw per-task anomaly scores of a batch of test cubes: what the scoring pipeline normalises and combines.
     *
     * @param teacherTargets per object, the teacher's test-time targets, or {@code null} when no task needs them
     */
    public BatchScores score(CubeBatch batch, List<TeacherTargets> teacherTargets) {
        if (teacherTargets != null && teacherTargets.size() != batch.size()) {
            throw new IllegalArgumentException(batch.size() + " cubes but " + teacherTargets.size() + " teacher targets");
        }
        float[][][] out = outputs(batch);
        double[][] scores = new double[tasks.size()][batch.size()];
        for (int t = 0; t < tasks.size(); t++) {
            for (int i = 0; i < batch.size(); i++) {
                TeacherTargets tt = teacherTargets == null ? null : teacherTargets.get(i);
                scores[t][i] = tasks.get(t).score(out[t][i], new ScoringObject(batch, i, tt));
            }
        }
        return new BatchScores(batch, taskNames(tasks), scores);
    }

    /** The radius k test cubes need: the largest offset of any task's test-time input. */
    public int testRadius() {
        return tasks.stream().mapToInt(t -> t.testInput().radius()).max().orElse(0);
    }

    private void checkCubes(CubeSettings c) {
        if (c.channels() != settings.channels() || c.size() != settings.cubeSize() || c.temporalRadius() < testRadius()) {
            throw new IllegalArgumentException("cubes " + c + " do not fit the network (" + settings.channels() + " channels, "
                    + settings.cubeSize() + "x" + settings.cubeSize() + ", k >= " + testRadius() + ")");
        }
    }

    /** The frames {@code sel} of every cube in the batch, as an encoder input (see {@link EncoderInput}). */
    static INDArray select(CubeBatch batch, FrameSelection sel) {
        CubeSettings c = batch.settings();
        int n = batch.size();
        int[] index = EncoderInput.gatherIndex(c.channels(), c.temporalRadius(), c.size(), sel);
        int cubeLength = c.channels() * c.depth() * c.size() * c.size();
        float[] src = batch.array();
        float[] dst = new float[n * index.length];
        for (int i = 0; i < n; i++) {
            int from = i * cubeLength;
            int to = i * index.length;
            for (int q = 0; q < index.length; q++) {
                dst[to + q] = src[from + index[q]];
            }
        }
        return Nd4j.create(dst, EncoderInput.shape(n, sel.length(), c.size(), c.channels()), 'c');
    }

    private void ensureInference() {
        if (inference == null) {
            inferenceLayout = GraphLayout.inference(settings, tasks);
            inference = new ComputationGraph(inferenceLayout.configuration());
            inference.init();
        }
        if (inferenceStale) {
            assignFromCanonical(inference, inferenceLayout, canonicalViews(training, trainingLayout));
            inferenceStale = false;
        }
    }

    /** Parameter views of a graph by canonical name (the first encoder copy stands for all). */
    static Map<String, INDArray> canonicalViews(ComputationGraph g, GraphLayout layout) {
        Map<String, INDArray> out = new TreeMap<>();
        for (Map.Entry<String, INDArray> e : g.paramTable().entrySet()) {
            out.putIfAbsent(canonicalKey(layout, e.getKey()), e.getValue());
        }
        return out;
    }

    private static void assignFromCanonical(ComputationGraph g, GraphLayout layout, Map<String, INDArray> params) {
        for (Map.Entry<String, INDArray> e : g.paramTable().entrySet()) {
            INDArray src = params.get(canonicalKey(layout, e.getKey()));
            e.getValue().assign(src.castTo(DataType.FLOAT).reshape(e.getValue().shape()));
        }
    }

    private static String canonicalKey(GraphLayout layout, String paramKey) {
        int us = paramKey.lastIndexOf('_');
        String c = layout.canonical().get(paramKey.substring(0, us));
        if (c == null) {
            throw new IllegalStateException("layer of parameter " + paramKey + " has no canonical name");
        }
        return c + "_" + paramKey.substring(us + 1);
    }
}
