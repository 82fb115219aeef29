package io.github.aed.detect.coco;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.Check;
import io.github.aed.detect.Nms;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.dnn.DnnDetector;
import io.github.aed.detect.dnn.Letterbox;
import io.github.aed.detect.dnn.OutputDecoder.Candidate;
import io.github.aed.detect.dnn.ResizeMode;
import io.github.aed.detect.tfjs.TfjsGraphModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.opencv.opencv_core.Mat;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pretrained COCO-80 detector run in Java: {@link CocoModel#NANODET} (bundled, the default) or
 * {@link CocoModel#CENTERNET} (from a path), executed by {@link TfjsGraphModel} on ND4J.
 *
 * <p>Per frame: the frame is stretched to the model's square input ({@link CocoModel} gives each model's
 * normalisation), run, and decoded into (box, class) candidates whose class score reaches the confidence threshold;
 * boxes are mapped back to frame pixels (rounded outwards, clipped), per-class NMS removes duplicates, and when more
 * than {@code maxDetections} remain the most confident are kept. Each {@link Detection} carries its class, COCO name,
 * score and the model's 80 class scores at that location ({@link Detection#classScores()}), which knowledge
 * distillation learns.
 *
 * <p>Stateless across frames. Not thread-safe: use one instance per thread (the graph's workspace is per thread).
 */
public final class CocoDetector implements ObjectDetector {

    private final Settings s;
    private final TfjsGraphModel graph;
    private final String inputName;
    private long frames;
    private long preprocessNanos;
    private long networkNanos;
    private long postprocessNanos;

    private CocoDetector(Settings s, TfjsGraphModel graph) {
        this.s = s;
        this.graph = graph;
        this.inputName = graph.inputShapes().keySet().iterator().next();
    }

    /** NanoDet, bundled in the aed-detect jar: works offline with no file to supply. */
    public static Builder nanodet() {
        return new Builder(CocoModel.NANODET, null);
    }

    /** A COCO model of the given kind from its TensorFlow.js {@code model.json} (weight files beside it). */
    public static Builder of(CocoModel model, Path modelJson) {
        return new Builder(Objects.requireNonNull(model, "model"), Objects.requireNonNull(modelJson, "modelJson"));
    }

    @Override
    public List<Detection> detect(Frame frame) {
        Letterbox geometry = Letterbox.of(frame.width(), frame.height(), s.model.inputSize, s.model.inputSize,
                ResizeMode.STRETCH);
        List<Candidate> candidates;
        long t0 = System.nanoTime();
        INDArray input = input(frame);
        long t1 = System.nanoTime();
        Map<String, INDArray> outputs = graph.run(Map.of(inputName, input));
        long t2 = System.nanoTime();
        candidates = s.model.decode(outputs, s.confidence);
        List<String> names = DnnDetector.cocoClassNames();
        List<Detection> detections = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (!s.classes.isEmpty() && !s.classes.contains(c.classId())) {
                continue;
            }
            Box box = geometry.toFrame(c.x0(), c.y0(), c.x1(), c.y1());
            if (!box.isEmpty()) {
                String name = c.classId() >= 0 && c.classId() < names.size() ? names.get(c.classId()) : "class " + c.classId();
                detections.add(new Detection(frame.index(), box, c.classId(), name, c.score(), c.classScores()));
            }
        }
        List<Detection> kept = Nms.suppress(detections, s.nmsIou, true, Integer.MAX_VALUE);
        if (!Double.isNaN(s.merge)) {
            kept = mergeContained(kept, s.merge);
        }
        if (kept.size() > s.maxDetections) {
            kept = new ArrayList<>(kept);
            kept.sort(Nms.BY_CONFIDENCE);
            kept = List.copyOf(kept.subList(0, s.maxDetections));
        }
        frames++;
        preprocessNanos += t1 - t0;
        networkNanos += t2 - t1;
        postprocessNanos += System.nanoTime() - t2;
        return kept;
    }

    /**
     * Folds boxes into more confident boxes of other classes that contain them: visiting boxes from the most
     * confident, a box whose area lies at least {@code overlap} inside an already kept box of another class is dropped,
     * and its class scores raise that box's scores (element-wise maximum). A person's skis, bag or skateboard thus
     * become evidence on the person's box instead of boxes of their own.
     */
    static List<Detection> mergeContained(List<Detection> detections, double overlap) {
        List<Detection> order = new ArrayList<>(detections);
        order.sort(Nms.BY_CONFIDENCE);
        List<Detection> kept = new ArrayList<>();
        List<float[]> scores = new ArrayList<>();
        for (Detection d : order) {
            int into = -1;
            for (int i = 0; i < kept.size() && into < 0; i++) {
                Detection k = kept.get(i);
                if (k.classId() != d.classId() && d.box().area() > 0
                        && (double) k.box().intersection(d.box()).area() / d.box().area() >= overlap) {
                    into = i;
                }
            }
            if (into < 0) {
                kept.add(d);
                scores.add(d.classScores());
            } else if (scores.get(into) != null && d.classScores() != null) {
                float[] folded = scores.get(into);
                float[] other = d.classScores();
                for (int c = 0; c < folded.length && c < other.length; c++) {
                    folded[c] = Math.max(folded[c], other[c]);
                }
            }
        }
        List<Detection> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Detection k = kept.get(i);
            out.add(new Detection(k.frameIndex(), k.box(), k.classId(), k.className(), k.confidence(), scores.get(i)));
        }
        return out;
    }

    private INDArray input(Frame frame) {
        try (Mat bgr = frame.toBgr().toMat()) {
            return s.model.input(bgr);
        }
    }

    /**
     * Mean wall time per frame of each stage since this detector was built or {@link #resetTimings()} was called.
     *
     * @param frames        frames detected
     * @param preprocessMs  resizing and normalising a frame into the input tensor
     * @param networkMs     running the graph
     * @param postprocessMs decoding, mapping boxes to the frame, NMS
     */
    public record StageTimes(long frames, double preprocessMs, double networkMs, double postprocessMs) {

        /** All three stages. */
        public double totalMs() {
            return preprocessMs + networkMs + postprocessMs;
        }
    }

    /** The mean time per frame of each stage (see {@link StageTimes}). */
    public StageTimes stageTimes() {
        double n = Math.max(1, frames);
        return new StageTimes(frames, preprocessNanos / 1e6 / n, networkNanos / 1e6 / n, postprocessNanos / 1e6 / n);
    }

    /** Forgets the stage times measured so far. */
    public void resetTimings() {
        frames = 0;
        preprocessNanos = 0;
        networkNanos = 0;
        postprocessNanos = 0;
    }

    /** Where the network's time goes on this frame, per operation ({@link TfjsGraphModel#profile}). */
    public List<TfjsGraphModel.OpProfile> profile(Frame frame) {
        return graph.profile(Map.of(inputName, input(frame)));
    }

    /** The 80 COCO class names. */
    @Override
    public List<String> classNames() {
        return DnnDetector.cocoClassNames();
    }

    /** The model this detector runs. */
    public CocoModel model() {
        return s.model;
    }

    @Override
    public String describe() {
        return "coco:" + s.model.id() + "[" + (s.file == null ? "bundled" : s.file.toString())
                + ", input=" + s.model.inputSize + "x" + s.model.inputSize + " stretch"
                + String.format(Locale.ROOT, ", conf>=%.3f, nms per-class@%.2f%s, max %d/frame", s.confidence, s.nmsIou,
                        Double.isNaN(s.merge) ? "" : String.format(Locale.ROOT, ", merge contained@%.2f", s.merge), s.maxDetections)
                + ", classes=" + (s.classes.isEmpty() ? "all" : new TreeSet<>(s.classes).toString()) + "]";
    }

    /**
     * {@code coco:MODEL[:MODEL_JSON],conf=C,nms=IOU,merge=F|off,max=N[,classes=I/J/..]} with every setting spelt out;
     * empty when the model's path holds a comma or plus sign, which the spec syntax cannot carry.
     */
    @Override
    public Optional<String> spec() {
        String file = s.file == null ? "" : ":" + s.file.toAbsolutePath();
        if (file.contains(",") || file.contains("+")) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("coco:").append(s.model.id()).append(file)
                .append(",conf=").append(s.confidence).append(",nms=").append(s.nmsIou)
                .append(",merge=").append(Double.isNaN(s.merge) ? "off" : Double.toString(s.merge))
                .append(",max=").append(s.maxDetections);
        if (!s.classes.isEmpty()) {
            b.append(",classes=").append(String.join("/", new TreeSet<>(s.classes).stream().map(String::valueOf).toList()));
        }
        return Optional.of(b.toString());
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A builder with this detector's settings; building it loads the model again. */
    public Builder toBuilder() {
        Builder b = new Builder(s.model, s.file);
        b.s = s.copy();
        return b;
    }

    private static final class Settings {
        private CocoModel model;
        private Path file;
        private double confidence = 0.2;
        private double nmsIou = 0.5;
        /** NaN: no merging. */
        private double merge = Double.NaN;
        private int maxDetections = 100;
        private Set<Integer> classes = Set.of();

        Settings copy() {
            Settings c = new Settings();
            c.model = model;
            c.file = file;
            c.confidence = confidence;
            c.nmsIou = nmsIou;
            c.merge = merge;
            c.maxDetections = maxDetections;
            c.classes = classes;
            return c;
        }
    }

    /**
     * Settings of a {@link CocoDetector}. Defaults: confidence 0.2, per-class NMS at IoU 0.5, no merging of contained
     * boxes, at most 100 boxes per frame, every class kept.
     */
    public static final class Builder {
        private Settings s = new Settings();

        private Builder(CocoModel model, Path file) {
            s.model = model;
            s.file = file;
        }

        /** The minimum class score, in [0, 1], for a (box, class) to be kept. Default 0.2. */
        public Builder confidence(double value) {
            s.confidence = Check.unitInterval("confidence threshold", value);
            return this;
        }

        /** The IoU threshold of per-class NMS, in [0, 1]. Default 0.5. */
        public Builder nmsIou(double value) {
            s.nmsIou = Check.unitInterval("NMS IoU threshold", value);
            return this;
        }

        /**
         * After per-class NMS, a box of one class that lies at least this fraction of its area inside a more
         * confident box of another class is merged into it: dropped, its class scores folded into the containing
         * box's (element-wise maximum). One object named twice (a person and their skis, a cart as bus and truck)
         * becomes one box that keeps both names' evidence. In (0, 1]; 1 merges only boxes entirely inside. Off by
         * default.
         */
        public Builder merge(double overlap) {
            if (!(overlap > 0 && overlap <= 1)) {
                throw new IllegalArgumentException("merge overlap must be in (0, 1], got " + overlap);
            }
            s.merge = overlap;
            return this;
        }

        /** No merging of contained boxes (the default). */
        public Builder noMerge() {
            s.merge = Double.NaN;
            return this;
        }

        /** At most this many boxes per frame, the most confident. Default 100. */
        public Builder maxDetections(int value) {
            s.maxDetections = Check.atLeast("max detections per frame", value, 1);
            return this;
        }

        /** Keeps only these COCO class ids (0 person, 1 bicycle, ...); empty keeps all (the default). */
        public Builder classes(Set<Integer> ids) {
            for (Integer id : Objects.requireNonNull(ids, "ids")) {
                if (id == null || id < 0 || id >= CocoModel.CLASSES) {
                    throw new IllegalArgumentException("COCO class ids are 0..79, got " + id);
                }
            }
            s.classes = Set.copyOf(ids);
            return this;
        }

        /**
         * Loads the model.
         *
         * @throws InvalidInputException if the model files are missing or malformed, or the graph does not have the
         *                               model kind's inputs and outputs
         */
        public CocoDetector build() {
            Settings c = s.copy();
            TfjsGraphModel graph = c.model.load(c.file);
            long[] shape = graph.inputShapes().values().iterator().next();
            long side = shape.length == 4 ? (c.model == CocoModel.NANODET ? shape[2] : shape[1]) : -1;
            if (graph.inputShapes().size() != 1 || side != c.model.inputSize) {
                throw new InvalidInputException((c.file == null ? "bundled " + c.model.id() : c.file) + ": expected one "
                        + c.model.inputSize + "x" + c.model.inputSize + " image input for " + c.model.id() + ", the model has "
                        + graph.inputShapes().keySet() + " of shape " + java.util.Arrays.toString(shape));
            }
            return new CocoDetector(c, graph);
        }
    }
}
