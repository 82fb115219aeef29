package io.github.aed.detect.coco;

import io.github.aed.detect.dnn.OutputDecoder.Candidate;
import io.github.aed.detect.tfjs.TfjsGraphModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two COCO-80 detectors {@link CocoDetector} runs, each with its input convention and output decoding. Frames are
 * stretched to the square input with bilinear interpolation (no letterbox), as both models were measured.
 */
public enum CocoModel {

    /**
     * NanoDet (Apache-2.0), 416×416, bundled in the aed-detect jar. Input: BGR, {@code (pixel - mean) / std} with
     * NanoDet's mean (103.53, 116.28, 123.675) and std (57.375, 57.12, 58.395), NCHW. Outputs, per stride 8, 16 and
     * 32: sigmoid class scores [cells, 80] and side distances [cells, 4 × 11] (left, top, right, bottom), each side a
     * softmax over 11 bins whose expectation is the distance in strides from the cell centre
     * {@code ((column + 0.5) × stride, (row + 0.5) × stride)}. Every (cell, class) whose score reaches the threshold is
     * a candidate, carrying the cell's 80 scores.
     */
    NANODET(416, "nanodet") {
        private final double[] mean = {103.53, 116.28, 123.675};
        private final double[] std = {57.375, 57.12, 58.395};

        @Override
        INDArray input(Mat bgr) {
            try (Mat resized = resized(bgr)) {
                float[] values = new float[inputSize * inputSize * 3];
                byte[] pixels = new byte[values.length];
                resized.data().get(pixels);
                float m0 = (float) mean[0];
                float m1 = (float) mean[1];
                float m2 = (float) mean[2];
                float s0 = (float) (1 / std[0]);
                float s1 = (float) (1 / std[1]);
                float s2 = (float) (1 / std[2]);
                for (int i = 0; i < values.length; i += 3) {
                    values[i] = ((pixels[i] & 0xFF) - m0) * s0;
                    values[i + 1] = ((pixels[i + 1] & 0xFF) - m1) * s1;
                    values[i + 2] = ((pixels[i + 2] & 0xFF) - m2) * s2;
                }
                return Nd4j.createFromArray(values).reshape('c', 1, inputSize, inputSize, 3).permute(0, 3, 1, 2);
            }
        }

        @Override
        List<Candidate> decode(Map<String, INDArray> outputs, double threshold) {
            List<INDArray> scores = new ArrayList<>();
            List<INDArray> boxes = new ArrayList<>();
            for (INDArray out : outputs.values()) {
                (out.size(2) == CLASSES ? scores : boxes).add(out);
            }
            List<Candidate> candidates = new ArrayList<>();
            for (INDArray score : scores) {
                INDArray box = boxes.stream().filter(b -> b.size(1) == score.size(1)).findFirst().orElseThrow(
                        () -> new IllegalStateException("no box output with " + score.size(1) + " cells"));
                decodeLevel(score, box, threshold, candidates);
            }
            return candidates;
        }

        private void decodeLevel(INDArray score, INDArray box, double threshold, List<Candidate> out) {
            int cells = Math.toIntExact(score.size(1));
            int side = (int) Math.round(Math.sqrt(cells));
            if (side * side != cells || box.size(2) % 4 != 0) {
                throw new IllegalStateException("unexpected NanoDet output shapes " + java.util.Arrays.toString(score.shape())
                        + " and " + java.util.Arrays.toString(box.shape()));
            }
            double stride = (double) inputSize / side;
            int bins = Math.toIntExact(box.size(2) / 4);
            float[] s = score.data().asFloat();
            float[] d = box.data().asFloat();
            for (int cell = 0; cell < cells; cell++) {
                float top = 0;
                for (int c = 0; c < CLASSES; c++) {
                    top = Math.max(top, s[cell * CLASSES + c]);
                }
                if (top < threshold) {
                    continue;
                }
                double cx = (cell % side + 0.5) * stride;
                double cy = (cell / side + 0.5) * stride;
                double[] dist = new double[4];
                for (int k = 0; k < 4; k++) {
                    dist[k] = expectation(d, (cell * 4 + k) * bins, bins) * stride;
                }
                float[] vector = java.util.Arrays.copyOfRange(s, cell * CLASSES, (cell + 1) * CLASSES);
                for (int c = 0; c < CLASSES; c++) {
                    if (vector[c] >= threshold) {
                        out.add(new Candidate(cx - dist[0], cy - dist[1], cx + dist[2], cy + dist[3], c, vector[c], vector));
                    }
                }
            }
        }

        /** The expected bin index under the softmax of {@code bins} logits starting at {@code from}. */
        private double expectation(float[] logits, int from, int bins) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < bins; i++) {
                max = Math.max(max, logits[from + i]);
            }
            double sum = 0;
            double weighted = 0;
            for (int i = 0; i < bins; i++) {
                double e = Math.exp(logits[from + i] - max);
                sum += e;
                weighted += e * i;
            }
            return weighted / sum;
        }
    },

    /**
     * CenterNet with a MobileNetV3 backbone, 512×512, loaded only from a path the user gives (its upstream licence is
     * unstated, so it is never redistributed). Input: RGB 0..255, NHWC. The graph itself decodes its top 100 objects
     * ({@code tower_0/detections}: box in input pixels, score, class); each object's 80 class scores are read from the
     * per-class centre heat map ({@code tower_0/keypoints}, stride 4) at the box centre.
     */
    CENTERNET(512, "centernet") {
        @Override
        INDArray input(Mat bgr) {
            try (Mat resized = resized(bgr); Mat rgb = new Mat(); Mat floats = new Mat()) {
                opencv_imgproc.cvtColor(resized, rgb, opencv_imgproc.COLOR_BGR2RGB);
                rgb.convertTo(floats, opencv_core.CV_32FC3);
                return nhwc(floats);
            }
        }

        @Override
        List<Candidate> decode(Map<String, INDArray> outputs, double threshold) {
            INDArray detections = required(outputs, "tower_0/detections");
            INDArray heat = required(outputs, "tower_0/keypoints");
            int mapSize = Math.toIntExact(heat.size(1));
            double stride = (double) inputSize / mapSize;
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < detections.size(1); i++) {
                float score = detections.getFloat(0, i, 4);
                if (score < threshold) {
                    continue;
                }
                double x0 = detections.getDouble(0, i, 0);
                double y0 = detections.getDouble(0, i, 1);
                double x1 = detections.getDouble(0, i, 2);
                double y1 = detections.getDouble(0, i, 3);
                int col = clamp((int) ((x0 + x1) / 2 / stride), mapSize);
                int row = clamp((int) ((y0 + y1) / 2 / stride), mapSize);
                float[] vector = heat.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(row), org.nd4j.linalg.indexing.NDArrayIndex.point(col),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).toFloatVector();
                out.add(new Candidate(x0, y0, x1, y1, (int) detections.getFloat(0, i, 5), Math.min(1f, score), vector));
            }
            return out;
        }

        private int clamp(int v, int size) {
            return Math.max(0, Math.min(size - 1, v));
        }

        private INDArray required(Map<String, INDArray> outputs, String name) {
            INDArray a = outputs.get(name);
            if (a == null) {
                throw new IllegalStateException("the CenterNet model has no output " + name + " (outputs: " + outputs.keySet() + ")");
            }
            return a;
        }
    };

    /** COCO-80. */
    static final int CLASSES = 80;

    final int inputSize;
    private final String id;

    CocoModel(int inputSize, String id) {
        this.inputSize = inputSize;
        this.id = id;
    }

    /** The model's input tensor for a BGR 8-bit frame. */
    abstract INDArray input(Mat bgr);

    /** Candidate boxes, in input pixels, whose class score reaches {@code threshold}. */
    abstract List<Candidate> decode(Map<String, INDArray> outputs, double threshold);

    /** The square input side in pixels. */
    public int inputSize() {
        return inputSize;
    }

    /** The short name used in detector specs ({@code coco:nanodet}). */
    public String id() {
        return id;
    }

    /** Loads the graph: the bundled NanoDet when {@code file} is null, else the model.json at {@code file}. */
    TfjsGraphModel load(Path file) {
        if (file == null) {
            if (this != NANODET) {
                throw new IllegalArgumentException(this + " is not bundled with aed; give the path of its model.json");
            }
            return TfjsGraphModel.loadResource(CocoModel.class, "/io/github/aed/detect/models/nanodet/model.json");
        }
        return TfjsGraphModel.load(file);
    }

    Mat resized(Mat bgr) {
        Mat out = new Mat();
        try (Size size = new Size(inputSize, inputSize)) {
            opencv_imgproc.resize(bgr, out, size, 0, 0, opencv_imgproc.INTER_LINEAR);
        }
        return out;
    }

    /** A [1, H, W, 3] array holding a copy of a continuous CV_32FC3 image. */
    static INDArray nhwc(Mat floats) {
        float[] values = new float[Math.toIntExact(floats.total() * floats.channels())];
        new FloatPointer(floats.data()).get(values);
        return Nd4j.createFromArray(values).reshape('c', 1, floats.rows(), floats.cols(), floats.channels());
    }
}
