package io.github.aed.metrics;

import java.util.OptionalDouble;

/**
 * One test video's frame AUC.
 *
 * @param video          the video's name
 * @param frames         its number of frames
 * @param abnormalFrames its number of abnormal frames
 * @param auc            its ROC AUC without padding; empty when all its frames are of one class
 */
public record VideoAuc(String video, int frames, int abnormalFrames, OptionalDouble auc) {
}
