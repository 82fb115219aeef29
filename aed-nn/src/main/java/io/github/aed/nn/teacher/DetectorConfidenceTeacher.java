package io.github.aed.nn.teacher;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;

/**
 * The object detector itself as teacher: a vector with one slot per detector class, zero except the detected class,
 * which holds the detection's confidence (the reference's 80 YOLO slots: one-hot × confidence). Class-less detectors
 * ({@link Detection#UNKNOWN_CLASS}) use slot 0. At test time only the detected class's slot is compared, as in the
 * reference: the distillation score is |confidence − predicted slot|.
 */
public final class DetectorConfidenceTeacher extends DetectorSlotsTeacher {

    /** Registry name. */
    public static final String NAME = "detector-confidence";

    /** @param classes the detector's number of classes (80 for COCO; 1 for class-less detectors) */
    public DetectorConfidenceTeacher(int classes) {
        super(classes, "a detector teacher");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "detector confidence of the detected class (" + classes + " class slots, one-hot x confidence)";
    }

    @Override
    public float[] outputs(Frame frame, Detection detection) {
        float[] out = new float[classes];
        out[slot(detection)] = (float) detection.confidence();
        return out;
    }

    @Override
    public TeacherTargets testTargets(Frame frame, Detection detection) {
        return new TeacherTargets(new int[] {slot(detection)}, new float[] {(float) detection.confidence()});
    }

    private int slot(Detection d) {
        int c = d.classId() == Detection.UNKNOWN_CLASS ? 0 : d.classId();
        if (c >= classes) {
            throw new InvalidInputException("frame " + d.frameIndex() + ": detection of class " + d.classId() + " ("
                    + d.className() + ") but the detector teacher has " + classes + " class slots");
        }
        return c;
    }
}
