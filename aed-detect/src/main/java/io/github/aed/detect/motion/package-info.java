/**
 * The class-less motion detector: background subtraction, foreground components and their split into object
 * proposals (class {@link io.github.aed.core.detection.Detection#UNKNOWN_CLASS}), configured by {@link
 * io.github.aed.detect.motion.MotionSettings}; box sizes in pixels of the frame.
 */
package io.github.aed.detect.motion;
