package io.github.aed.core.video;

/**
 * What reading a damaged video file does: one whose decoder stops, or fails, before the frame count its container
 * declares (a truncated download, a disk error, a corrupt frame), or whose AVI header cannot be read.
 */
public enum DamagedVideoPolicy {
    /**
     * The default: the read fails with {@link io.github.aed.core.InvalidInputException}
     * {@code VIDEO: decoded N of M frames (truncated or corrupt at frame N)}, so a partly lost video never passes for a
     * whole one.
     */
    FAIL,
    /**
     * Keeps the frames decoded before the damage and logs a warning that says how many frames were lost. For
     * salvaging what a damaged recording still holds; results then cover fewer frames than the video had.
     */
    KEEP_DECODED_FRAMES
}
