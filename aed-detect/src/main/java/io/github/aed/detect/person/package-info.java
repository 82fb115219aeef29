/**
 * Person detectors from OpenCV's classic models (HOG people detector, Haar body cascades), optionally on upscaled
 * frames for small people; boxes are returned in the original frame's pixel coordinates.
 */
package io.github.aed.detect.person;
