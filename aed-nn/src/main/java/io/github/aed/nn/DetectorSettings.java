package io.github.aed.nn;

import io.github.aed.core.cube.ColourMode;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.progress.ProgressListener;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectAttribute;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.teacher.DetectorClassScoresTeacher;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.train.TrainingListener;
import io.github.aed.nn.train.TrainingSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The validated settings behind an {@link AnomalyDetector}, as its builder collected them: constructing one checks that
 * the score names (tasks and attributes) are unique, that the scored tasks exist, and fits the training cubes to the
 * network's crop size and channels. Immutable.
 *
 * @param detector the object detector; null only for a loaded model whose detector cannot be rebuilt
 */
record DetectorSettings(ObjectDetector detector, boolean primeDetector, NetworkSettings network, List<ProxyTask> tasks,
                        AttributeSettings attributes, TrainingSettings training, ScoringSettings scoring,
                        List<TrainingListener> trainingListeners, List<ProgressListener> progressListeners, int scoringBatchSize,
                        int detectAhead) {

    /**
     * Validates and copies the settings.
     *
     * @throws IllegalArgumentException naming the setting when tasks or attributes repeat a name, there is no task, or the
     *                                  scoring settings name a task the detector does not have
     */
    DetectorSettings {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks: at least one proxy task is needed");
        }
        Set<String> names = new HashSet<>();
        for (ProxyTask t : tasks) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tasks: two tasks are named '" + t.name() + "'; task names must be unique");
            }
        }
        for (ObjectAttribute a : attributes.attributes()) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("attributes: '" + a.name() + "' is the name of a task or another attribute; "
                        + "score names must be unique");
            }
        }
        if (!names.containsAll(scoring.scoredTasks())) {
            throw new IllegalArgumentException("scoring: scoredTasks " + scoring.scoredTasks() + " names tasks the detector "
                    + "does not have; its tasks: " + tasks.stream().map(ProxyTask::name).toList());
        }
        CubeSettings cubes = training.cubes();
        if (cubes.size() != network.cubeSize() || cubes.channels() != network.channels()) {
            training = training.toBuilder().cubes(cubes.toBuilder().size(network.cubeSize())
                    .colourMode(network.channels() == 1 ? ColourMode.GREY : ColourMode.COLOUR).build()).build();
        }
        trainingListeners = List.copyOf(trainingListeners);
        progressListeners = List.copyOf(progressListeners);
    }

    /**
     * The reference's four tasks: arrow of time, motion irregularity, middle box and distillation of {@code teacher}, or
     * when it is null of the detector's class scores (a detector with classes) or its confidence.
     */
    static List<ProxyTask> defaultTasks(ObjectDetector d, Teacher teacher) {
        int classes = d.classNames().size();
        Teacher t = teacher != null ? teacher
                : classes > 0 ? new DetectorClassScoresTeacher(classes) : new DetectorConfidenceTeacher(1);
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(), new KnowledgeDistillation(t));
    }
}
