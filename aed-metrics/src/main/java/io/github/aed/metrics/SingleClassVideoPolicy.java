package io.github.aed.metrics;

/**
 * What macro-averaged frame AUC does with a test video whose frames are all normal or all abnormal, for which a
 * per-video ROC AUC is undefined.
 *
 * <p>Ped2 has four fully abnormal test videos (Test008 to Test011), CUHK Avenue two with its official-mask labels
 * (08 and 18), ShanghaiTech one (04_0011). How they are treated changes the macro AUC noticeably, so the policy in use
 * is printed with every result.
 */
public enum SingleClassVideoPolicy {

    /**
     * Leave one-class videos out of the mean and report how many (and which) were left out. The default: the mean is
     * taken over the videos for which an AUC exists.
     */
    SKIP,

    /**
     * The SSMTL reference's variant: every video gets one extra normal frame with score 0 in front and one extra
     * abnormal frame with score 1 at the end before its AUC is computed, so that every video has both classes.
     * <b>This inflates the macro AUC</b>: a fully abnormal video scores AUC = 1 whatever the model does, as long as
     * its scores lie in (0, 1), and the padding frames assume scores normalised to [0, 1]. Use it only to compare
     * with numbers published under that protocol.
     */
    SSMTL_PAD
}
