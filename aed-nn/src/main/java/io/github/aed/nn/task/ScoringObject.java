package io.github.aed.nn.task;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.detection.Detection;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.Optional;

/**
 * One test object as a task sees it when turning its head's output into an anomaly score: the test cube (e.g. 7
 * crops, k = 3) it came from, its detection and, when the pipeline ran the teacher, the teacher's test-time targets.
 *
 * @param batch   the cubes being scored
 * @param index   this object's position in the batch
 * @param teacher teacher targets for this object, or {@code null} when none were computed
 */
public record ScoringObject(CubeBatch batch, int index, TeacherTargets teacher) {

    public Detection detection() {
        return batch.detections().get(index);
    }

    public Optional<TeacherTargets> teacherTargets() {
        return Optional.ofNullable(teacher);
    }

    /** The crop at this offset from the middle frame, layout {@code [channels][size][size]}, values in [0, 1]. */
    public float[] frame(int offset) {
        var s = batch.settings();
        int k = s.temporalRadius();
        if (Math.abs(offset) > k) {
            throw new IllegalArgumentException("offset " + offset + " is outside test cubes of radius k=" + k);
        }
        int plane = s.size() * s.size();
        float[] out = new float[s.channels() * plane];
        float[] all = batch.array();
        int base = index * s.cubeLength();
        for (int c = 0; c < s.channels(); c++) {
            System.arraycopy(all, base + (c * s.depth() + k + offset) * plane, out, c * plane, plane);
        }
        return out;
    }
}
