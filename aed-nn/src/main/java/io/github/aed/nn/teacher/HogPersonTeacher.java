package io.github.aed.nn.teacher;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * An offline teacher built from what ships with OpenCV: the response of OpenCV's pre-trained HOG person SVM (Dalal
 * &amp; Triggs, the {@code getDefaultPeopleDetector()} weights) on the object's crop, resized to the 64×128 detection
 * window. It is a weak, person-specific "how much does this look like a standing pedestrian" signal, not a general
 * classifier: honest about being a stand-in when no classifier network is available.
 *
 * <p>Outputs 2 non-negative slots: {@code max(r, 0)} and {@code max(−r, 0)} of the SVM margin r (the distillation head
 * ends in a ReLU, so a signed value needs two slots). Cheap enough (about a millisecond per crop) to compare both
 * slots at test time too (the default {@link #testTargets}).
 */
public final class HogPersonTeacher implements Teacher {

    /** Registry name. */
    public static final String NAME = "hog-person-svm";
    private static final int WINDOW_WIDTH = 64;
    private static final int WINDOW_HEIGHT = 128;

    private final HOGDescriptor hog = new HOGDescriptor();
    private final float[] svm;

    public HogPersonTeacher() {
        FloatPointer p = HOGDescriptor.getDefaultPeopleDetector();
        int descriptorLength = (int) hog.getDescriptorSize();
        svm = new float[descriptorLength + 1];
        p.get(svm);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "OpenCV HOG person SVM response on the crop resized to 64x128 (2 slots: positive and negative margin)";
    }

    @Override
    public int outputSize() {
        return 2;
    }

    /** The signed SVM margin of the crop (positive: person-like). */
    public double response(Frame frame, Detection detection) {
        try (Mat crop = CropReader.crop(frame, detection, WINDOW_WIDTH, WINDOW_HEIGHT); FloatPointer d = new FloatPointer()) {
            hog.compute(crop, d);
            int n = svm.length - 1;
            float[] x = new float[n];
            d.get(x);
            double r = svm[n];
            for (int i = 0; i < n; i++) {
                r += (double) svm[i] * x[i];
            }
            return r;
        }
    }

    @Override
    public float[] outputs(Frame frame, Detection detection) {
        double r = response(frame, detection);
        return new float[] {(float) Math.max(r, 0), (float) Math.max(-r, 0)};
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public void close() {
        hog.close();
    }
}
