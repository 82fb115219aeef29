package io.github.aed.detect.dnn;

import io.github.aed.detect.Check;
import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.Nms;
import io.github.aed.detect.ObjectDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A pre-trained detection network run by OpenCV's dnn module: YOLO in Darknet format ({@code .cfg} + {@code .weights},
 * v2/v3/v4 and the tiny variants) or an ONNX model with YOLOv5-, YOLOv8- or SSD-style outputs
 * ({@link DnnOutputFormat}). Model files are given by path; none ship with the library.
 *
 * <p>Per frame: the frame (BGR) is fitted to the network input ({@link ResizeMode#LETTERBOX} by default, padded with
 * grey 128 as in the reference YOLOv3 pipeline), converted to a blob ({@code (pixel - mean) * scale}, RGB order by
 * default), run forward; every output is decoded ({@link OutputDecoder}) keeping each (box, class) whose score reaches
 * the confidence threshold and whose class passes the class filter; boxes are mapped back to the frame, rounded
 * outwards and clipped; and per-class NMS keeps at most {@code maxPerClass} boxes of each class. Each detection keeps
 * the network's score for every class ({@link Detection#classScores()}), used as a distillation target.
 *
 * <p>Class names come from {@link Builder#classNames}; without them an 80-class model gets the COCO names and any other
 * model {@code "class N"}.
 *
 * <p>Holds a native network: close it. Not thread-safe; use one instance per thread.
 */
public final class DnnDetector implements ObjectDetector {

    private static final List<String> COCO = readCoco();

    private final Settings s;
    private final Net net;
    private final StringVector outputNames;
    private DnnOutputFormat resolvedFormat;
    private String resolvedFrom = "";
    private boolean closed;

    private DnnDetector(Settings s, Net net) {
        this.s = s;
        this.net = net;
        this.outputNames = net.getUnconnectedOutLayersNames();
        this.resolvedFormat = s.format;
    }

    /** A builder for a Darknet YOLO model. The input size is read from the cfg's {@code [net]} section. */
    public static Builder darknet(Path cfg, Path weights) {
        Builder b = new Builder();
        b.s.kind = "darknet";
        b.s.files = List.of(Objects.requireNonNull(cfg, "cfg"), Objects.requireNonNull(weights, "weights"));
        b.s.format = DnnOutputFormat.DARKNET;
        return b;
    }

    /**
     * A builder for an ONNX model. The input size is read from the model's input when it is fixed; the output format
     * is guessed from the first output's shape ({@link DnnOutputFormat#guess}) unless set.
     */
    public static Builder onnx(Path model) {
        Builder b = new Builder();
        b.s.kind = "onnx";
        b.s.files = List.of(Objects.requireNonNull(model, "model"));
        return b;
    }

    /** A builder with this detector's settings; building it loads the model again. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.s = s.copy();
        return b;
    }

    @Override
    public List<Detection> detect(Frame frame) {
        if (closed) {
            throw new IllegalStateException("network detector is closed");
        }
        Letterbox geometry = Letterbox.of(frame.width(), frame.height(), s.inputWidth, s.inputHeight, s.resize);
        List<OutputDecoder.Candidate> candidates = new ArrayList<>();
        try (Mat bgr = frame.toBgr().toMat(); Mat input = geometry.apply(bgr, s.padValue);
                Mat blob = opencv_dnn.blobFromImage(input, s.scale, new Size(s.inputWidth, s.inputHeight),
                        new Scalar(s.mean, s.mean, s.mean, 0), s.swapRB, false, opencv_core.CV_32F);
                MatVector outs = new MatVector()) {
            net.setInput(blob);
            net.forward(outs, outputNames);
            for (long i = 0; i < outs.size(); i++) {
                Mat out = outs.get(i);
                int[] shape = shapeOf(out);
                float[] data = valuesOf(out);
                if (resolvedFormat == null) {
                    resolvedFormat = DnnOutputFormat.guess(shape);
                    resolvedFrom = " (guessed from output " + Arrays.toString(shape) + ")";
                }
                candidates.addAll(OutputDecoder.decode(resolvedFormat, data, shape, s.inputWidth, s.inputHeight,
                        s.confidence, s.classes));
            }
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException || e instanceof IllegalArgumentException) {
                throw new InvalidInputException(s.files.get(0) + " on " + frame.describe() + ": " + e.getMessage(), e);
            }
            throw new InvalidInputException(s.files.get(0) + ": OpenCV could not run the network on " + frame.describe()
                    + " (" + e.getMessage() + ")", e);
        }
        List<Detection> detections = new ArrayList<>(candidates.size());
        for (OutputDecoder.Candidate c : candidates) {
            Box box = geometry.toFrame(c.x0(), c.y0(), c.x1(), c.y1());
            if (!box.isEmpty()) {
                detections.add(new Detection(frame.index(), box, c.classId(), className(c.classId(), c.classScores()),
                        c.score(), c.classScores()));
            }
        }
        return Nms.suppress(detections, s.nmsIou, true, s.maxPerClass);
    }

    private String className(int id, float[] scores) {
        if (s.classNames != null) {
            return id < s.classNames.size() ? s.classNames.get(id) : "class " + id;
        }
        if (scores != null && scores.length == COCO.size()) {
            return COCO.get(id);
        }
        return "class " + id;
    }

    private static int[] shapeOf(Mat m) {
        int[] shape = new int[m.dims()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = m.size(i);
        }
        return shape;
    }

    private static float[] valuesOf(Mat m) {
        if (m.depth() != opencv_core.CV_32F) {
            throw new IllegalArgumentException("network output is not float32 (OpenCV depth " + m.depth() + ")");
        }
        try (Mat c = m.isContinuous() ? null : m.clone()) {
            Mat src = c == null ? m : c;
            float[] data = new float[Math.toIntExact(src.total() * src.channels())];
            new FloatPointer(src.data()).get(data);
            return data;
        }
    }

    /** The output format in use: set, fixed by the model kind, or guessed from the first output. Empty until known. */
    public java.util.Optional<DnnOutputFormat> format() {
        return java.util.Optional.ofNullable(resolvedFormat);
    }

    @Override
    public String describe() {
        return s.kind + "[" + s.files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")
                + ", input=" + s.inputWidth + "x" + s.inputHeight + " " + s.resize.name().toLowerCase(Locale.ROOT)
                + (s.resize == ResizeMode.LETTERBOX ? " pad=" + trim(s.padValue) : "")
                + ", blob=(px-" + trim(s.mean) + ")*" + String.format(Locale.ROOT, "%.6g", s.scale)
                + (s.swapRB ? " RGB" : " BGR")
                + ", format=" + (resolvedFormat == null ? "guess" : resolvedFormat.name().toLowerCase(Locale.ROOT) + resolvedFrom)
                + String.format(Locale.ROOT, ", conf>=%.3f, nms per-class@%.3f, max %d/class", s.confidence, s.nmsIou,
                        s.maxPerClass)
                + ", classes=" + (s.classes.isEmpty() ? "all" : new TreeSet<>(s.classes).toString())
                + ", names=" + (s.classNames != null ? s.classNames.size() + " given" : "coco if 80 classes") + "]";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            outputNames.close();
            net.close();
        }
    }

    /** The 80 COCO class names in the order of the COCO-80 class ids (0 person, 1 bicycle, ...). */
    public static List<String> cocoClassNames() {
        return COCO;
    }

    private static List<String> readCoco() {
        try (InputStream in = DnnDetector.class.getResourceAsStream("coco.names")) {
            if (in == null) {
                throw new IllegalStateException("the COCO class names resource is missing from the aed-detect jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the COCO class names", e);
        }
    }

    /**
     * Reads class names, one per line (a Darknet {@code .names} file); blank lines at the end are ignored.
     *
     * @throws InvalidInputException if the file is missing or empty
     */
    public static List<String> readClassNames(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such class names file");
        }
        try {
            List<String> names = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList());
            while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                names.remove(names.size() - 1);
            }
            if (names.isEmpty()) {
                throw new InvalidInputException(file + ": holds no class names (expected one per line)");
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static final class Settings {
        private String kind;
        private List<Path> files;
        private DnnOutputFormat format;
        private int inputWidth;
        private int inputHeight;
        private ResizeMode resize = ResizeMode.LETTERBOX;
        private double padValue = 128;
        private double scale = 1.0 / 255;
        private double mean;
        private boolean swapRB = true;
        private double confidence = 0.5;
        private double nmsIou = 0.45;
        private int maxPerClass = 200;
        private Set<Integer> classes = Set.of();
        private List<String> classNames;

        Settings copy() {
            Settings c = new Settings();
            c.kind = kind;
            c.files = files;
            c.format = format;
            c.inputWidth = inputWidth;
            c.inputHeight = inputHeight;
            c.resize = resize;
            c.padValue = padValue;
            c.scale = scale;
            c.mean = mean;
            c.swapRB = swapRB;
            c.confidence = confidence;
            c.nmsIou = nmsIou;
            c.maxPerClass = maxPerClass;
            c.classes = classes;
            c.classNames = classNames;
            return c;
        }
    }

    /**
     * Settings of a {@link DnnDetector}; the model files are given to {@link #darknet} or {@link #onnx}. Defaults
     * follow the reference YOLOv3 pipeline: letterbox with grey 128, pixels / 255, RGB, confidence 0.5, per-class
     * NMS at IoU 0.45, at most 200 boxes per class, every class kept.
     */
    public static final class Builder {
        private Settings s = new Settings();

        private Builder() {
        }

        /** The network input size in pixels. Default: from the cfg, or from the ONNX input when fixed (else required). */
        public Builder inputSize(int width, int height) {
            s.inputWidth = Check.atLeast("input width", width, 1);
            s.inputHeight = Check.atLeast("input height", height, 1);
            return this;
        }

        /** The output layout. Darknet models are always {@link DnnOutputFormat#DARKNET}; ONNX default: guessed. */
        public Builder format(DnnOutputFormat value) {
            s.format = Objects.requireNonNull(value, "format");
            return this;
        }

        /** How frames are fitted to the input. Default {@link ResizeMode#LETTERBOX}. */
        public Builder resize(ResizeMode value) {
            s.resize = Objects.requireNonNull(value, "resize");
            return this;
        }

        /** The grey level (0..255) of letterbox padding. Default 128. */
        public Builder padValue(double value) {
            s.padValue = 255 * Check.unitInterval("pad value / 255", value / 255);
            return this;
        }

        /** Blob values are {@code (pixel - mean) * scale}. Default mean 0, scale 1/255. */
        public Builder normalisation(double mean, double scale) {
            if (!Double.isFinite(mean) || !(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("mean must be finite and scale positive, got " + mean + ", " + scale);
            }
            s.mean = mean;
            s.scale = scale;
            return this;
        }

        /** Whether the blob is in RGB order (true, the default) or BGR (false). */
        public Builder swapRB(boolean value) {
            s.swapRB = value;
            return this;
        }

        /** The minimum class score, in [0, 1], for a (box, class) to be kept. Default 0.5. */
        public Builder confidence(double value) {
            s.confidence = Check.unitInterval("confidence threshold", value);
            return this;
        }

        /** The IoU threshold of per-class NMS, in [0, 1]. Default 0.45. */
        public Builder nmsIou(double value) {
            s.nmsIou = Check.unitInterval("NMS IoU threshold", value);
            return this;
        }

        /** At most this many boxes of each class per frame. Default 200. */
        public Builder maxPerClass(int value) {
            s.maxPerClass = Check.atLeast("max boxes per class", value, 1);
            return this;
        }

        /** Keeps only these class ids (replacing any earlier set); empty keeps all (the default). */
        public Builder classes(Set<Integer> ids) {
            for (Integer id : Objects.requireNonNull(ids, "ids")) {
                if (id == null || id < 0) {
                    throw new IllegalArgumentException("class ids must be >= 0, got " + id);
                }
            }
            s.classes = Set.copyOf(ids);
            return this;
        }

        /** The name of each class id, e.g. from {@link DnnDetector#readClassNames}. */
        public Builder classNames(List<String> names) {
            s.classNames = List.copyOf(names);
            return this;
        }

        /**
         * Checks the model files and loads the network.
         *
         * @throws InvalidInputException if a file is missing or does not parse, the Darknet weights do not match the
         *                               cfg, or the ONNX input size is open and {@link #inputSize} was not set
         * @throws IllegalStateException if a Darknet model is given a format other than DARKNET
         */
        public DnnDetector build() {
            Settings c = s.copy();
            Net net;
            if (c.kind.equals("darknet")) {
                if (c.format != DnnOutputFormat.DARKNET) {
                    throw new IllegalStateException("a Darknet model's outputs are always in DARKNET format, not " + c.format);
                }
                DarknetCfg cfg = DarknetCfg.parse(c.files.get(0));
                cfg.checkWeights(c.files.get(1));
                if (c.inputWidth == 0) {
                    c.inputWidth = cfg.width();
                    c.inputHeight = cfg.height();
                }
                net = load(c.files.get(0), () -> opencv_dnn.readNetFromDarknet(c.files.get(0).toString(), c.files.get(1).toString()));
            } else {
                OnnxModelInfo info = OnnxModelInfo.read(c.files.get(0));
                if (c.inputWidth == 0) {
                    int[] size = info.imageSize();
                    if (size == null) {
                        throw new InvalidInputException(c.files.get(0) + ": the model's input " + info.inputName() + " has shape "
                                + Arrays.toString(info.shape()) + " without a fixed image size; set inputSize(width, height)");
                    }
                    c.inputWidth = size[0];
                    c.inputHeight = size[1];
                }
                net = load(c.files.get(0), () -> opencv_dnn.readNetFromONNX(c.files.get(0).toString()));
            }
            return new DnnDetector(c, net);
        }

        private static Net load(Path file, java.util.function.Supplier<Net> reader) {
            Net net;
            try {
                net = reader.get();
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + ": OpenCV cannot load the model (" + e.getMessage() + ")", e);
            }
            if (net == null || net.empty()) {
                throw new InvalidInputException(file + ": OpenCV loaded an empty network");
            }
            return net;
        }
    }
}
