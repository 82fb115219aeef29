/**
 * COCO-trained object detectors (NanoDet bundled, CenterNet from a file) run with the TensorFlow.js runtime of
 * {@code tfjs}; class ids are the 80 COCO classes, 0-based (0 = person), boxes in the frame's pixel coordinates.
 */
package io.github.aed.detect.coco;
