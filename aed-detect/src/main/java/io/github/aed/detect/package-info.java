/**
 * Object detection, the first stage of the pipeline: the {@link io.github.aed.detect.ObjectDetector} contract
 * (frames in, {@link io.github.aed.core.detection.Detection}s in half-open pixel boxes out) and what every detector
 * shares: post-processing, non-maximum suppression, composition. The detectors are in the subpackages; {@code spec}
 * builds one from a text such as {@code coco:nanodet,conf=0.3+motion}.
 */
package io.github.aed.detect;
