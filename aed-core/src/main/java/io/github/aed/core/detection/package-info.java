/**
 * What an object detector finds: {@link io.github.aed.core.detection.Detection}, one box in one frame (0-based frame
 * index, half-open pixel box, class, confidence in [0, 1]). The detectors themselves are in aed-detect.
 */
package io.github.aed.core.detection;
