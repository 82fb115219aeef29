/**
 * A CPU runtime for TensorFlow.js graph models on ND4J: graph and weight-manifest parsing and the operation kernels.
 * Tensors keep the model's own layout (TensorFlow's NHWC for images); used by the COCO detectors.
 */
package io.github.aed.detect.tfjs;
