package io.github.aed.core.cube;

/** Channels of the crops in an object cube. */
public enum ColourMode {
    /** One channel: grey values (OpenCV BT.601 weights when the frame is colour). */
    GREY(1),
    /** Three channels in OpenCV's BGR order; grey frames are repeated into all three (what the reference does). */
    COLOUR(3);

    private final int channels;

    ColourMode(int channels) {
        this.channels = channels;
    }

    /** Number of channels in a cube of this mode. */
    public int channels() {
        return channels;
    }
}
