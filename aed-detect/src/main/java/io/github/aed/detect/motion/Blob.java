package io.github.aed.detect.motion;

import io.github.aed.core.geometry.Box;

/**
 * A group of foreground pixels found by the {@link ProposalGenerator}: its box and the number of foreground pixels in
 * it.
 */
record Blob(Box box, long pixels) {
}
