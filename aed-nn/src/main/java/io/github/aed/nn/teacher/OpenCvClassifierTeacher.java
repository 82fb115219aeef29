package io.github.aed.nn.teacher;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A classifier network supplied by the user as a file (ONNX, Caffe, TensorFlow or Darknet, whatever OpenCV's
 * {@code dnn.readNet} reads) as teacher: the object's crop from its own frame at the frame's resolution, resized to
 * the network's input size (bilinear), turned into a blob ({@code (pixel − mean) × scale}, optionally BGR→RGB), run
 * through the network; the flattened output, optionally clipped at 0, is the target. With the reference's ResNet-50
 * (ImageNet logits, 224×224, clipped at 0) this is its 1000-slot teacher. No weights ship with the library.
 *
 * <p>Too costly to run at test time in the reference, so {@link #testTargets} compares nothing. Holds an OpenCV
 * network: close it.
 */
public final class OpenCvClassifierTeacher implements Teacher {

    /** Registry name. */
    public static final String NAME = "opencv-classifier";

    private final Path file;
    private final int inputWidth;
    private final int inputHeight;
    private final double scale;
    private final double[] mean;
    private final boolean swapRedBlue;
    private final boolean clipAtZero;
    private final Net net;
    private final int outputSize;

    /**
     * @param file        the network file
     * @param inputWidth  the network's input width in pixels
     * @param inputHeight its input height
     * @param scale       factor applied after the mean is subtracted (e.g. 1/255, or 1 for Caffe-style inputs)
     * @param mean        per-channel values subtracted, in the blob's channel order (3 values)
     * @param swapRedBlue whether to feed RGB instead of the frames' BGR
     * @param clipAtZero  whether to clip outputs at 0 (the distillation head ends in a ReLU)
     * @throws InvalidInputException if the file is missing or OpenCV cannot read it
     */
    public OpenCvClassifierTeacher(Path file, int inputWidth, int inputHeight, double scale, double[] mean,
                                   boolean swapRedBlue, boolean clipAtZero) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such classifier network file");
        }
        if (inputWidth < 1 || inputHeight < 1 || mean.length != 3) {
            throw new IllegalArgumentException("input size must be positive and mean must have 3 values");
        }
        this.file = file;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.scale = scale;
        this.mean = mean.clone();
        this.swapRedBlue = swapRedBlue;
        this.clipAtZero = clipAtZero;
        try {
            this.net = opencv_dnn.readNet(file.toString());
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + ": OpenCV dnn cannot read this network: " + e.getMessage(), e);
        }
        if (net.empty()) {
            throw new InvalidInputException(file + ": OpenCV dnn read an empty network");
        }
        try (Mat probe = new Mat(inputHeight, inputWidth, opencv_core.CV_8UC3, new Scalar(0.0))) {
            this.outputSize = run(probe).length;
        }
    }

    /** Recreates a teacher from {@link #settings()}. */
    static OpenCvClassifierTeacher fromSettings(Map<String, String> s) {
        String[] m = s.get("mean").split(",");
        return new OpenCvClassifierTeacher(Path.of(s.get("file")), Integer.parseInt(s.get("inputWidth")),
                Integer.parseInt(s.get("inputHeight")), Double.parseDouble(s.get("scale")),
                new double[] {Double.parseDouble(m[0]), Double.parseDouble(m[1]), Double.parseDouble(m[2])},
                Boolean.parseBoolean(s.get("swapRedBlue")), Boolean.parseBoolean(s.get("clipAtZero")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "OpenCV dnn classifier %s, input %dx%d, scale %g, mean (%g, %g, %g)%s%s, %d outputs",
                file.getFileName(), inputWidth, inputHeight, scale, mean[0], mean[1], mean[2], swapRedBlue ? ", RGB" : ", BGR",
                clipAtZero ? ", clipped at 0" : "", outputSize);
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public float[] outputs(Frame frame, Detection detection) {
        try (Mat crop = CropReader.crop(frame.channels() == 3 ? frame : frame.toBgr(), detection, inputWidth, inputHeight)) {
            float[] out = run(crop);
            if (clipAtZero) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Math.max(0f, out[i]);
                }
            }
            return out;
        }
    }

    private float[] run(Mat bgr) {
        try (Size size = new Size(inputWidth, inputHeight); Scalar m = new Scalar(mean[0], mean[1], mean[2], 0.0);
             Mat blob = opencv_dnn.blobFromImage(bgr, scale, size, m, swapRedBlue, false, opencv_core.CV_32F)) {
            net.setInput(blob);
            try (Mat out = net.forward()) {
                float[] v = new float[(int) out.total()];
                new FloatPointer(out.data()).get(v);
                return v;
            }
        }
    }

    @Override
    public TeacherTargets testTargets(Frame frame, Detection detection) {
        return TeacherTargets.none();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("file", file.toString());
        s.put("inputWidth", Integer.toString(inputWidth));
        s.put("inputHeight", Integer.toString(inputHeight));
        s.put("scale", Double.toString(scale));
        s.put("mean", mean[0] + "," + mean[1] + "," + mean[2]);
        s.put("swapRedBlue", Boolean.toString(swapRedBlue));
        s.put("clipAtZero", Boolean.toString(clipAtZero));
        return s;
    }

    @Override
    public void close() {
        net.close();
    }
}
