package io.github.aed.nn.teacher;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several teachers side by side: the outputs are concatenated in order, and so are the test-time targets (with their
 * slots shifted). The reference's teacher is {@code ResNet-50 logits (1000, clipped at 0) + detector confidence (80)}:
 * {@code new ConcatenatedTeacher(List.of(resnet, new DetectorConfidenceTeacher(80)))}, whose test-time comparison is
 * the detector slot alone. An object gets a target only when every part has one.
 */
public final class ConcatenatedTeacher implements Teacher {

    /** Registry name. */
    public static final String NAME = "concatenated";

    private final List<Teacher> parts;

    public ConcatenatedTeacher(List<Teacher> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a concatenated teacher needs at least one part");
        }
        this.parts = List.copyOf(parts);
    }

    public List<Teacher> parts() {
        return parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return parts.stream().map(Teacher::describe).collect(Collectors.joining(" ++ ", "[", "]"));
    }

    @Override
    public int outputSize() {
        return parts.stream().mapToInt(Teacher::outputSize).sum();
    }

    @Override
    public float[] outputs(Frame frame, Detection detection) {
        float[] out = new float[outputSize()];
        int at = 0;
        for (Teacher t : parts) {
            float[] o = t.outputs(frame, detection);
            if (o == null) {
                return null;
            }
            System.arraycopy(o, 0, out, at, o.length);
            at += t.outputSize();
        }
        return out;
    }

    @Override
    public TeacherTargets testTargets(Frame frame, Detection detection) {
        TeacherTargets all = TeacherTargets.none();
        int at = 0;
        for (Teacher t : parts) {
            all = all.plus(t.testTargets(frame, detection).shifted(at));
            at += t.outputSize();
        }
        return all;
    }

    /** {@code parts} = the part names, comma-separated; each part's settings prefixed with its index and a dot. */
    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("parts", parts.stream().map(Teacher::name).collect(Collectors.joining(",")));
        for (int i = 0; i < parts.size(); i++) {
            int n = i;
            parts.get(i).settings().forEach((k, v) -> s.put(n + "." + k, v));
        }
        return s;
    }

    @Override
    public void close() {
        parts.forEach(Teacher::close);
    }
}
