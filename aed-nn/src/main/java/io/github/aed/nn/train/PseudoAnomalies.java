package io.github.aed.nn.train;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.progress.ProgressListener;
import io.github.aed.core.progress.ProgressMeter;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.FrameWindow;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.ObjectViews;
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
 * Every score (each task's raw score, each attribute's calibrated score) of the pseudo-anomalous versions of the
 * validation objects ({@link PseudoAnomaly}): boxed at twice their size, and in the video played
 * {@value PseudoAnomaly#SPEED_UP} times faster (the task cubes cut from every {@value PseudoAnomaly#SPEED_UP}rd frame,
 * renumbered; the optical flow taken between frames {@value PseudoAnomaly#SPEED_UP} apart, one pair only). Decodes each
 * training video once more, holding {@value PseudoAnomaly#SPEED_UP} + 1 frames, or 2r + 2 for attributes of flow radius r
 * if that is more. The attributes measure a video's pseudo-anomalies as they measured its validation objects
 * ({@link AttributeFitting#heldOutDensities}).
 */
final class PseudoAnomalies {

    private final MultiTaskNetwork network;
    private final CubeSettings cubes;
    private final Teacher teacher;
    private final AttributeFitting fitted;
    private final Map<String, List<Double>> scores = new LinkedHashMap<>();

    PseudoAnomalies(MultiTaskNetwork network, CubeSettings testCubes, Teacher teacher, AttributeFitting fitted) {
        this.network = network;
        this.cubes = testCubes;
        this.teacher = teacher;
        this.fitted = fitted;
        network.tasks().forEach(t -> scores.put(t.name(), new ArrayList<>()));
        fitted.densities().forEach(a -> scores.put(a.name(), new ArrayList<>()));
    }

    /** Score name → the scores of every pseudo-anomaly of the validation objects of these videos. */
    Map<String, double[]> score(List<VideoIndex> index, List<ProgressListener> listeners) {
        ProgressMeter meter = new ProgressMeter("scoring the pseudo-anomalies", "videos", index.size(), ProgressMeter.REPORT_INTERVAL,
                listeners);
        for (VideoIndex v : index) {
            score(v);
            meter.advance(1);
        }
        meter.finish();
        Map<String, double[]> out = new LinkedHashMap<>();
        scores.forEach((name, s) -> out.put(name, s.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private void score(VideoIndex v) {
        List<AttributeDensity> attributes = fitted.heldOutDensities(v.number);
        Map<Detection, TeacherTargets> largerTargets = new HashMap<>();
        Map<Detection, TeacherTargets> fasterTargets = new HashMap<>();
        int radius = ObjectViews.radiusOf(attributes.stream().map(AttributeDensity::attribute).toList());
        FrameWindow window = new FrameWindow(Math.max(PseudoAnomaly.SPEED_UP + 1, 2 * radius + 2));
        try (FrameSource src = v.video.open(); StreamingCubeExtractor larger = new StreamingCubeExtractor(cubes);
             StreamingCubeExtractor faster = new StreamingCubeExtractor(cubes); ObjectViews views = new ObjectViews(radius)) {
            for (int f = 0; src.hasNext() && f < v.frames; f++) {
                Frame frame = src.next();
                window.add(frame);
                List<Detection> validation = validationObjects(v, f);
                List<Detection> grown = validation.stream()
                        .map(d -> d.withBox(PseudoAnomaly.larger(d.box(), frame.width(), frame.height()))).toList();
                add(larger.push(frame, queue(frame, grown, largerTargets)), largerTargets);
                if (f % PseudoAnomaly.SPEED_UP == 0) {
                    int renumbered = f / PseudoAnomaly.SPEED_UP;
                    Frame fast = frame.withIndex(frame.source(), renumbered);
                    List<Detection> moved = validation.stream().map(d -> d.withFrameIndex(renumbered)).toList();
                    add(faster.push(fast, queue(fast, moved, fasterTargets)), fasterTargets);
                }
                if (!attributes.isEmpty()) {
                    scoreLarger(v, f - radius - 1, window, views, attributes);
                    scoreFaster(v, f, window, views, attributes);
                }
            }
            if (!attributes.isEmpty() && !window.isEmpty()) {
                int last = window.lastIndex();
                for (int t = Math.max(0, last - radius); t <= last; t++) {
                    scoreLarger(v, t, window, views, attributes);
                }
            }
            add(larger.finish(), largerTargets);
            add(faster.finish(), fasterTargets);
        }
    }

    private static List<Detection> validationObjects(VideoIndex v, int f) {
        List<Detection> out = new ArrayList<>();
        int[] role = v.role.get(f);
        for (int i = 0; i < role.length; i++) {
            if (role[i] == 1) {
                out.add(v.detections.get(f).get(i));
            }
        }
        return out;
    }

    /**
     * The attributes of the larger boxes of frame {@code t}, whose views' frames ({@code t − radius} to
     * {@code t + radius + 1}, as far as the video has them) are in the window; nothing for {@code t < 0}.
     */
    private void scoreLarger(VideoIndex v, int t, FrameWindow window, ObjectViews views,
                             List<AttributeDensity> attributes) {
        Frame frame = t < 0 ? null : at(window, t);
        if (frame == null) {
            return;
        }
        for (Detection d : validationObjects(v, t)) {
            Detection grown = d.withBox(PseudoAnomaly.larger(d.box(), frame.width(), frame.height()));
            attributes.forEach(a -> scores.get(a.name()).add(a.score(views.view(grown, i -> at(window, i)))));
        }
    }

    /** With frame {@code newest} just read: the attributes of frame newest − {@value PseudoAnomaly#SPEED_UP} played faster (flow to newest). */
    private void scoreFaster(VideoIndex v, int newest, FrameWindow window, ObjectViews views,
                             List<AttributeDensity> attributes) {
        Frame now = at(window, newest);
        Frame start = at(window, newest - PseudoAnomaly.SPEED_UP);
        if (start != null) {
            for (Detection d : validationObjects(v, start.index())) {
                attributes.forEach(a -> scores.get(a.name()).add(a.score(views.fasterView(d, start, now))));
            }
        }
    }

    private static Frame at(FrameWindow window, int index) {
        return window.contains(index) ? window.get(index) : null;
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
