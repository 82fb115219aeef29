package io.github.aed.nn.model;

import io.github.aed.core.cube.CubeSettings;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.ProxyTask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained multi-task network with the provenance a result needs: what a model file ({@link ModelFile}) holds.
 * Immutable: it keeps a copy of the network's parameters, and {@link #newNetwork()} builds a network from them for
 * each user, so no two scorers share a network's workspaces.
 *
 * <ul>
 * <li>the network's settings, its tasks (in head order) and parameters;</li>
 * <li>the cube settings of training (k = 15 in the reference) and test (k = the tasks' test radius, same size and
 *     colour);</li>
 * <li>the object detector it was trained with ({@link DetectorProvenance}: description and, when it can be rebuilt,
 *     its recipe) and the distillation teacher's description ("none" without one);</li>
 * <li>every task's raw score on the normal validation objects ({@link ValidationScores}, may be empty);</li>
 * <li>the attribute scorers ({@link AttributeDensity}: density banks of normal objects, calibrated) and the default
 *     fusion weights of all scores ({@link FusionWeights}), when trained with attributes;</li>
 * <li>the run itself ({@link TrainingSummary}).</li>
 * </ul>
 */
public final class TrainedModel {

    private final NetworkSettings networkSettings;
    private final List<ProxyTask> tasks;
    private final Map<String, INDArray> parameters;
    private final int testRadius;
    private final CubeSettings trainingCubes;
    private final CubeSettings testCubes;
    private final DetectorProvenance detector;
    private final String teacher;
    private final ValidationScores validationScores;
    private final TrainingSummary training;
    private final List<AttributeDensity> attributes;
    private final FusionWeights fusionWeights;

    /**
     * A model of the network's current parameters (copied) and its provenance.
     *
     * @throws IllegalArgumentException if the test cubes do not fit the network (size, channels, temporal reach)
     */
    public TrainedModel(MultiTaskNetwork network, CubeSettings trainingCubes, CubeSettings testCubes, DetectorProvenance detector,
                        String teacher, ValidationScores validationScores, TrainingSummary training) {
        Objects.requireNonNull(network, "network");
        this.trainingCubes = Objects.requireNonNull(trainingCubes, "trainingCubes");
        this.testCubes = Objects.requireNonNull(testCubes, "testCubes");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.teacher = Objects.requireNonNull(teacher, "teacher");
        this.validationScores = Objects.requireNonNull(validationScores, "validationScores");
        this.training = Objects.requireNonNull(training, "training");
        this.networkSettings = network.settings();
        this.tasks = List.copyOf(network.tasks());
        this.testRadius = network.testRadius();
        Map<String, INDArray> copy = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> copy.put(name, p.dup('c')));
        this.parameters = Collections.unmodifiableMap(copy);
        if (testCubes.temporalRadius() < testRadius || testCubes.size() != networkSettings.cubeSize()
                || testCubes.channels() != networkSettings.channels()) {
            throw new IllegalArgumentException("test cubes " + testCubes + " do not fit the network " + networkSettings);
        }
        this.attributes = List.of();
        this.fusionWeights = FusionWeights.none();
    }

    private TrainedModel(TrainedModel m, List<AttributeDensity> attributes, FusionWeights fusionWeights) {
        this.networkSettings = m.networkSettings;
        this.tasks = m.tasks;
        this.parameters = m.parameters;
        this.testRadius = m.testRadius;
        this.trainingCubes = m.trainingCubes;
        this.testCubes = m.testCubes;
        this.detector = m.detector;
        this.teacher = m.teacher;
        this.validationScores = m.validationScores;
        this.training = m.training;
        this.attributes = List.copyOf(attributes);
        this.fusionWeights = Objects.requireNonNull(fusionWeights, "fusionWeights");
        java.util.Set<String> names = new java.util.HashSet<>(taskNames());
        for (AttributeDensity a : this.attributes) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("attribute '" + a.name() + "' has the name of a task or another attribute");
            }
        }
        if (!fusionWeights.isEmpty() && !fusionWeights.weights().keySet().equals(names)) {
            throw new IllegalArgumentException("fusion weights for " + fusionWeights.weights().keySet() + ", but the model scores "
                    + names);
        }
    }

    /**
     * This model with attribute scorers and the fusion weights of all its scores (tasks and attributes). The
     * validation scores should hold the attributes' too.
     *
     * @throws IllegalArgumentException if an attribute has a task's name, or the weights name other scores
     */
    public TrainedModel withAttributes(List<AttributeDensity> densities, FusionWeights weights) {
        return new TrainedModel(this, densities, weights);
    }

    /** A new network with the trained parameters, for one user (networks are not thread-safe). */
    public MultiTaskNetwork newNetwork() {
        return MultiTaskNetwork.withParameters(networkSettings, tasks, parameters());
    }

    /** A copy of every parameter by canonical name. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> out.put(name, p.dup('c')));
        return out;
    }

    /** The number of trained values. */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(INDArray::length).sum();
    }

    public NetworkSettings networkSettings() {
        return networkSettings;
    }

    /** The tasks, in the order of the network's heads. */
    public List<ProxyTask> tasks() {
        return tasks;
    }

    /** The task names, in head order. */
    public List<String> taskNames() {
        return tasks.stream().map(ProxyTask::name).toList();
    }

    /** The cubes training samples were drawn from. */
    public CubeSettings trainingCubes() {
        return trainingCubes;
    }

    /** The cubes to score at test time. */
    public CubeSettings testCubes() {
        return testCubes;
    }

    /** The object detector the model was trained with. */
    public DetectorProvenance detector() {
        return detector;
    }

    /** The distillation teacher's description, or "none". */
    public String teacher() {
        return teacher;
    }

    /** The attribute scorers (density banks with their calibration), in score order after the tasks; may be empty. */
    public List<AttributeDensity> attributes() {
        return attributes;
    }

    /** The default fusion weights chosen at training ({@link FusionWeights#none()} for a model without). */
    public FusionWeights fusionWeights() {
        return fusionWeights;
    }

    /** The names of every score an object gets: the tasks', then the attributes'. */
    public List<String> scoreNames() {
        List<String> names = new java.util.ArrayList<>(taskNames());
        attributes.forEach(a -> names.add(a.name()));
        return names;
    }

    /** Every task's and attribute's raw score on the normal validation objects. */
    public ValidationScores validationScores() {
        return validationScores;
    }

    public TrainingSummary training() {
        return training;
    }

    @Override
    public String toString() {
        return "TrainedModel[" + networkSettings + ", tasks " + taskNames() + ", " + parameterCount() + " parameters, trained on "
                + detector.description() + ", frames " + training.frameSize() + "]";
    }
}
