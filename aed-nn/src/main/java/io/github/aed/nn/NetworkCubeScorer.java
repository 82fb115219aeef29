package io.github.aed.nn;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.scoring.CubeScorer;
import io.github.aed.nn.scoring.ObjectScores;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A trained network as the scoring pipeline's {@link CubeScorer}: runs the cubes through the network, asks the
 * distillation teacher (if any) for its test-time targets on the full frame, and returns every task's raw score.
 * Not thread-safe (the network's workspaces are shared).
 */
final class NetworkCubeScorer implements CubeScorer {

    private final MultiTaskNetwork network;
    private final CubeSettings cubes;
    private final Teacher teacher;
    private final List<String> taskNames;

    NetworkCubeScorer(MultiTaskNetwork network, CubeSettings testCubes) {
        this.network = network;
        this.cubes = testCubes;
        this.teacher = network.tasks().stream().filter(t -> t instanceof KnowledgeDistillation)
                .map(t -> ((KnowledgeDistillation) t).teacher()).findFirst().orElse(null);
        this.taskNames = network.tasks().stream().map(ProxyTask::name).toList();
    }

    @Override
    public CubeSettings cubeSettings() {
        return cubes;
    }

    @Override
    public List<String> taskNames() {
        return taskNames;
    }

    @Override
    public List<ObjectScores> score(CubeBatch batch, IntFunction<Frame> frameAt) {
        List<TeacherTargets> targets = null;
        if (teacher != null) {
            targets = new ArrayList<>(batch.size());
            for (Detection d : batch.detections()) {
                targets.add(teacher.testTargets(frameAt.apply(d.frameIndex()), d));
            }
        }
        io.github.aed.nn.network.BatchScores raw = network.score(batch, targets);
        List<ObjectScores> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Map<String, Double> byTask = new LinkedHashMap<>();
            for (int t = 0; t < taskNames.size(); t++) {
                byTask.put(taskNames.get(t), raw.score(t, i));
            }
            out.add(new ObjectScores(batch.detections().get(i), byTask));
        }
        return out;
    }
}
