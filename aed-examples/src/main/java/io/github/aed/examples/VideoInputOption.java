package io.github.aed.examples;

import io.github.aed.core.video.DamagedVideoPolicy;
import picocli.CommandLine.Option;

/** {@code --allow-truncated}: keep the frames of a damaged video file instead of failing (see {@link DamagedVideoPolicy}). */
final class VideoInputOption {

    @Option(names = "--allow-truncated", description = "a video file that decodes to fewer frames than its container declares "
            + "(truncated or corrupt) is an error by default; with this option its decoded frames are used and a warning "
            + "says how many were lost")
    private boolean allowTruncated;

    /** The policy the option selects. */
    DamagedVideoPolicy policy() {
        return allowTruncated ? DamagedVideoPolicy.KEEP_DECODED_FRAMES : DamagedVideoPolicy.FAIL;
    }
}
