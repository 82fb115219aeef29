package io.github.aed.metrics;

/**
 * Which frame labels to use for CUHK Avenue. The two versions differ on 441 frames in 15 of the 21 test videos, so AUCs
 * computed against them are not comparable; the version in use is printed with every result.
 */
public enum AvenueLabels {

    /**
     * From the official pixel masks ({@code testing_label_mask/*_label.mat}): a frame is abnormal iff its mask has a
     * non-zero pixel. 3,712 of 15,324 frames; videos 08 and 18 are abnormal in every frame. The default.
     */
    OFFICIAL_MASKS,

    /**
     * The MNAD / ano_pred version ({@code labels/frame_labels_avenue_mnad.npy}, all videos concatenated): 3,867 abnormal
     * frames. Codebases built on ano_pred's {@code avenue.mat} evaluate against these.
     */
    MNAD
}
