package io.github.aed.detect.dnn;

/** How a frame is fitted to a network's fixed input size. */
public enum ResizeMode {
    /** Scaled to fit with its aspect ratio kept and the rest padded with a constant grey (YOLO's letterbox). */
    LETTERBOX,
    /** Scaled to the input size in each direction independently (what most SSD models expect). */
    STRETCH
}
