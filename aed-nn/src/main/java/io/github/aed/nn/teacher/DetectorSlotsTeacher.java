package io.github.aed.nn.teacher;

import java.util.Map;

/**
 * What the two detector teachers share: one output slot per detector class, and the class count as their only
 * setting. {@link DetectorConfidenceTeacher} fills the detected class's slot; {@link DetectorClassScoresTeacher}
 * every slot.
 */
abstract class DetectorSlotsTeacher implements Teacher {

    /** The number of slots, one per detector class. */
    protected final int classes;

    DetectorSlotsTeacher(int classes, String what) {
        if (classes < 1) {
            throw new IllegalArgumentException(what + " needs at least 1 class, got " + classes);
        }
        this.classes = classes;
    }

    @Override
    public final int outputSize() {
        return classes;
    }

    @Override
    public final Map<String, String> settings() {
        return Map.of("classes", Integer.toString(classes));
    }
}
