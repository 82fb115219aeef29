package io.github.aed.nn.train;

import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.EdgePolicy;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import io.github.aed.detect.DetectedFrames;
import io.github.aed.detect.DetectedFrames.DetectedFrame;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.nn.attribute.AttributeRecorder;
import io.github.aed.nn.attribute.ObjectAttribute;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.ArrayList;
import java.util.List;

/**
 * One training video's objects, found once: the detections of every frame, the teacher's outputs and test-time
 * targets for each, and their attribute features (computed while the frame is at hand). Objects are numbered in frame
 * order; the last {@code validationFraction} of them (of those with a full cube) are validation objects. Memory: the
 * detections plus {@code (teacher outputs + attribute dimensions) × 4} bytes per object, and the teacher's test-time
 * targets of the validation objects (the only ones scored at training: {@link #split} lets the others' go, and the
 * teacher outputs of objects that neither train nor validate).
 */
final class VideoIndex {

    final Video video;
    final int number;
    final int frames;
    /** The first frame's size in pixels (0 without frames). */
    final int width;
    final int height;
    /** Per frame, its detections. */
    final List<List<Detection>> detections = new ArrayList<>();
    /** Per frame, per detection, the teacher's outputs (null entries without a teacher, and after {@link #split} for unused objects). */
    final List<float[][]> teacherOutputs = new ArrayList<>();
    /** Per frame, per detection, the teacher's test-time targets (null without a teacher, and after {@link #split} but for validation objects). */
    final List<TeacherTargets[]> teacherTargets = new ArrayList<>();
    /** The attribute features of every object; null without attributes. */
    AttributeRecorder attributes;
    /** Per frame, per detection: −1 unused, 0 training, 1 validation. */
    final List<int[]> role = new ArrayList<>();
    int trainingObjects;
    int validationObjects;

    private VideoIndex(Video video, int number, int frames, int width, int height) {
        this.video = video;
        this.number = number;
        this.frames = frames;
        this.width = width;
        this.height = height;
    }

    /** Finds the video's objects, detecting its frames up to {@code detectAhead} frames ahead ({@link DetectedFrames}). */
    static VideoIndex build(Video video, int number, ObjectDetector detector, Teacher teacher, List<ObjectAttribute> attributes,
                            int detectAhead) {
        detector.reset();
        List<List<Detection>> dets = new ArrayList<>();
        List<float[][]> outs = new ArrayList<>();
        List<TeacherTargets[]> targets = new ArrayList<>();
        int count = 0;
        int width = 0;
        int height = 0;
        AttributeRecorder recorder = attributes.isEmpty() ? null : new AttributeRecorder(attributes);
        try (DetectedFrames frames = DetectedFrames.open(video.open(), detector::detect, detectAhead); recorder) {
            while (frames.hasNext()) {
                DetectedFrame detected = frames.next();
                Frame f = detected.frame();
                if (count == 0) {
                    width = f.width();
                    height = f.height();
                }
                List<Detection> ds = detected.detections();
                float[][] o = new float[ds.size()][];
                TeacherTargets[] t = new TeacherTargets[ds.size()];
                if (teacher != null) {
                    for (int i = 0; i < ds.size(); i++) {
                        o[i] = teacher.outputs(f, ds.get(i));
                        t[i] = teacher.testTargets(f, ds.get(i));
                    }
                }
                if (recorder != null) {
                    recorder.push(f, ds);
                }
                dets.add(ds);
                outs.add(o);
                targets.add(t);
                count++;
            }
            if (recorder != null) {
                recorder.finish();
            }
        }
        VideoIndex index = new VideoIndex(video, number, count, width, height);
        index.attributes = recorder;
        index.detections.addAll(dets);
        index.teacherOutputs.addAll(outs);
        index.teacherTargets.addAll(targets);
        return index;
    }

    /**
     * Assigns training and validation roles (see the class comment) for cubes of these settings, once; then lets go of
     * the test-time targets of every object but the validation objects, and of the teacher outputs of unused objects.
     */
    void split(CubeSettings cubes, double validationFraction, int maxTraining) {
        if (!role.isEmpty()) {
            throw new IllegalStateException(video + ": roles already assigned");
        }
        int k = cubes.temporalRadius();
        boolean skipEdges = cubes.edgePolicy() == EdgePolicy.SKIP;
        int eligible = 0;
        for (int f = 0; f < frames; f++) {
            boolean ok = frames >= cubes.depth() && (!skipEdges || f >= k && f < frames - k);
            int[] r = new int[detections.get(f).size()];
            java.util.Arrays.fill(r, ok ? 0 : -1);
            eligible += ok ? r.length : 0;
            role.add(r);
        }
        int train = (int) Math.round(eligible * (1 - validationFraction));
        int keep = maxTraining > 0 ? Math.min(maxTraining, train) : train;
        int seen = 0;
        int nextKept = 0;
        for (int[] r : role) {
            for (int i = 0; i < r.length; i++) {
                if (r[i] < 0) {
                    continue;
                }
                if (seen >= train) {
                    r[i] = 1;
                    validationObjects++;
                } else if (keep > 0 && seen == (int) ((long) nextKept * train / keep)) {
                    nextKept++;
                    trainingObjects++;
                } else {
                    r[i] = -1;
                }
                seen++;
            }
        }
        for (int f = 0; f < frames; f++) {
            int[] r = role.get(f);
            for (int i = 0; i < r.length; i++) {
                if (r[i] != 1) {
                    teacherTargets.get(f)[i] = null;
                }
                if (r[i] < 0) {
                    teacherOutputs.get(f)[i] = null;
                }
            }
        }
    }
}
