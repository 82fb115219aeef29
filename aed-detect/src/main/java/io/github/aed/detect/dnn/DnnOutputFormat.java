package io.github.aed.detect.dnn;

import java.util.Arrays;

/**
 * The layout of a detection network's output tensor, which {@link OutputDecoder} turns into boxes. N is the number of
 * candidate boxes, C the number of classes. "Input pixels" are pixels of the network's input image (after letterbox
 * or stretch), "normalised" means divided by the input's width or height.
 */
public enum DnnOutputFormat {
    /**
     * OpenCV's Darknet importer ({@code [yolo]} and {@code [region]} layers of YOLOv2/v3/v4 and their tiny variants):
     * one 2D output {@code [N, 5 + C]} per YOLO layer, rows {@code cx, cy, w, h, objectness, score_0 .. score_C-1}
     * with the centre and size normalised; the class scores are already objectness times class probability.
     */
    DARKNET,
    /**
     * YOLOv5-style ONNX export: {@code [1, N, 5 + C]}, rows {@code cx, cy, w, h, objectness, p_0 .. p_C-1} in input
     * pixels; a class's score is objectness times its probability.
     */
    YOLOV5,
    /**
     * YOLOv8-style ONNX export: {@code [1, 4 + C, N]} (channels first), {@code cx, cy, w, h, s_0 .. s_C-1} in input
     * pixels, without objectness; a class's score is {@code s_c}.
     */
    YOLOV8,
    /**
     * SSD-style (Caffe/TensorFlow detection output): {@code [1, 1, N, 7]}, rows
     * {@code image_id, class_id, score, x_min, y_min, x_max, y_max} with the corners normalised. There is no per-class
     * score vector.
     */
    SSD;

    /**
     * The format an output of this shape most likely has: {@code [.., 7]} with 4 dimensions is SSD; 3 dimensions are
     * YOLOv8 when the middle one is the smaller (features first), else YOLOv5; 2 dimensions are Darknet.
     *
     * @throws IllegalArgumentException for any other shape
     */
    public static DnnOutputFormat guess(int[] shape) {
        if (shape.length == 4 && shape[3] == 7) {
            return SSD;
        }
        if (shape.length == 3 && shape[0] == 1) {
            return shape[1] < shape[2] ? YOLOV8 : YOLOV5;
        }
        if (shape.length == 2) {
            return DARKNET;
        }
        throw new IllegalArgumentException("cannot tell the detection layout of an output of shape " + Arrays.toString(shape)
                + "; expected [N, 5+C] (Darknet), [1, N, 5+C] (YOLOv5), [1, 4+C, N] (YOLOv8) or [1, 1, N, 7] (SSD)");
    }
}
