package io.github.aed.nn.teacher;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;

/**
 * The object detector's class scores as teacher: the distillation head learns, for every object, the detector's
 * score of each of its classes at that object (a COCO detector's 80 scores, {@link Detection#classScores()}), and at
 * test time every slot is compared (the mean absolute difference). A bicycle or a cart that the detector scores as
 * such, on a walkway where the network has only learnt pedestrians' score vectors, gets a high distillation score.
 *
 * <p>Objects whose detection carries no score vector (boxes of a class-less detector, e.g. the motion detector's boxes
 * that supplement a COCO detector) have an all-zero target: the class detector found none of its classes there.
 */
public final class DetectorClassScoresTeacher extends DetectorSlotsTeacher {

    /** Registry name. */
    public static final String NAME = "detector-class-scores";

    /** @param classes the detector's number of classes (80 for COCO) */
    public DetectorClassScoresTeacher(int classes) {
        super(classes, "a class-score teacher");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "detector class scores (" + classes + " slots, all compared at test time; zero for boxes without scores)";
    }

    @Override
    public float[] outputs(Frame frame, Detection detection) {
        float[] scores = detection.classScores();
        if (scores == null) {
            return new float[classes];
        }
        if (scores.length != classes) {
            throw new InvalidInputException("frame " + detection.frameIndex() + ": detection " + detection + " has "
                    + scores.length + " class scores, the teacher expects " + classes);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.max(0f, scores[i]);
        }
        return scores;
    }
}
