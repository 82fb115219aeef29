package io.github.aed.nn.train;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.nn.attribute.PseudoAnomaly;
import io.github.aed.nn.network.BatchScores;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every task's raw test-time score on the pseudo-anomalous versions of the validation objects ({@link PseudoAnomaly}):
 * their test cubes cut with boxes twice the size, and cut from the video played {@value PseudoAnomaly#SPEED_UP} times
 * faster (every {@value PseudoAnomaly#SPEED_UP}rd frame, renumbered). Decodes each training video once more.
 */
final class PseudoAnomalyCubes {

    private final MultiTaskNetwork network;
    private final CubeSettings cubes;
    private final Teacher teacher;
    private final Map<String, List<Double>> scores = new LinkedHashMap<>();

    PseudoAnomalyCubes(MultiTaskNetwork network, CubeSettings testCubes, Teacher teacher) {
        this.network = network;
        this.cubes = testCubes;
        this.teacher = teacher;
        for (ProxyTask t : network.tasks()) {
            scores.put(t.name(), new ArrayList<>());
        }
    }

    /** Task name → scores of every pseudo-anomaly of the validation objects of these videos. */
    Map<String, double[]> score(List<VideoIndex> index) {
        for (VideoIndex v : index) {
            score(v);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        scores.forEach((task, s) -> out.put(task, s.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private void score(VideoIndex v) {
        Map<Detection, TeacherTargets> largerTargets = new HashMap<>();
        Map<Detection, TeacherTargets> fasterTargets = new HashMap<>();
        try (FrameSource src = v.video.open(); StreamingCubeExtractor larger = new StreamingCubeExtractor(cubes);
             StreamingCubeExtractor faster = new StreamingCubeExtractor(cubes)) {
            for (int f = 0; src.hasNext() && f < v.frames; f++) {
                Frame frame = src.next();
                List<Detection> validation = new ArrayList<>();
                int[] role = v.role.get(f);
                for (int i = 0; i < role.length; i++) {
                    if (role[i] == 1) {
                        validation.add(v.detections.get(f).get(i));
                    }
                }
                List<Detection> grown = validation.stream()
                        .map(d -> d.withBox(PseudoAnomaly.larger(d.box(), frame.width(), frame.height()))).toList();
                add(larger.push(frame, queue(frame, grown, largerTargets)), largerTargets);
                if (f % PseudoAnomaly.SPEED_UP == 0) {
                    int renumbered = f / PseudoAnomaly.SPEED_UP;
                    Frame fast = frame.withIndex(frame.source(), renumbered);
                    List<Detection> moved = validation.stream().map(d -> d.withFrameIndex(renumbered)).toList();
                    add(faster.push(fast, queue(fast, moved, fasterTargets)), fasterTargets);
                }
            }
            add(larger.finish(), largerTargets);
            add(faster.finish(), fasterTargets);
        }
    }

    /** Notes the teacher's targets of each object while its frame is at hand (a cube may be cut later, or not at all). */
    private List<Detection> queue(Frame frame, List<Detection> objects, Map<Detection, TeacherTargets> targets) {
        if (teacher != null) {
            for (Detection d : objects) {
                targets.put(d, teacher.testTargets(frame, d));
            }
        }
        return objects;
    }

    private void add(CubeBatch batch, Map<Detection, TeacherTargets> targets) {
        if (batch.isEmpty()) {
            return;
        }
        List<TeacherTargets> batchTargets = new ArrayList<>(batch.size());
        for (Detection d : batch.detections()) {
            batchTargets.add(targets.get(d));
        }
        BatchScores s = network.score(batch, teacher == null ? null : batchTargets);
        List<ProxyTask> tasks = network.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            for (int i = 0; i < s.size(); i++) {
                scores.get(tasks.get(t).name()).add(s.score(t, i));
            }
        }
    }
}
