/**
 * Detectors run with OpenCV's DNN module (Darknet YOLO, ONNX YOLOv5/YOLOv8/SSD): letterboxing or resizing of the
 * frame, and decoding of each model family's output back into the frame's pixel coordinates.
 */
package io.github.aed.detect.dnn;
