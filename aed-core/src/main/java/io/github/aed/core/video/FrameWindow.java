package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The most recent frames of one video, at most {@link #capacity()} of them: what cube extraction over a long video or
 * a live stream needs, with memory bounded by the window rather than by the video's length.
 *
 * <p>Frames must be added in order with consecutive indices; all frames must have the same size. The index of the
 * first frame added is taken as the start of the video (0 for a whole video). Once {@link #markEnd()} is called no
 * more frames may be added and the last added frame is the end of the video. Not thread-safe.
 */
public final class FrameWindow {

    private final int capacity;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int videoStart = -1;
    private boolean ended;

    /** A window holding at most {@code capacity} frames (at least 1). */
    public FrameWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds the next frame, dropping the oldest one when the window is full.
     *
     * @throws InvalidInputException if the frame's index does not follow the previous one, its size differs from the
     *                               frames before it, or the end was already marked
     */
    public void add(Frame frame) {
        if (ended) {
            throw new IllegalStateException("window of " + frame.source() + " was marked ended; cannot add " + frame.describe());
        }
        Frame last = frames.peekLast();
        if (last != null) {
            if (frame.index() != last.index() + 1) {
                throw new InvalidInputException(frame.describe() + ": expected frame index " + (last.index() + 1)
                        + " (frames must arrive in order, without gaps)");
            }
            if (frame.width() != last.width() || frame.height() != last.height()) {
                throw new InvalidInputException(frame.describe() + " is " + frame.width() + "x" + frame.height()
                        + " but " + last.describe() + " is " + last.width() + "x" + last.height()
                        + ": all frames of a video must have the same size");
            }
        } else if (videoStart < 0) {
            videoStart = frame.index();
        }
        frames.addLast(frame);
        if (frames.size() > capacity) {
            frames.removeFirst();
        }
    }

    /** Declares that no more frames will come: the last added frame is the last frame of the video. */
    public void markEnd() {
        ended = true;
    }

    /** Whether {@link #markEnd()} was called. */
    public boolean isEnded() {
        return ended;
    }

    /** Whether frame {@code index} is currently held. */
    public boolean contains(int index) {
        return !frames.isEmpty() && index >= firstIndex() && index <= lastIndex();
    }

    /**
     * The frame with the given index.
     *
     * @throws IllegalArgumentException if it is not held (already dropped or not yet added)
     */
    public Frame get(int index) {
        if (!contains(index)) {
            throw new IllegalArgumentException("frame " + index + " is not in the window "
                    + (frames.isEmpty() ? "(empty)" : "[" + firstIndex() + ", " + lastIndex() + "]"));
        }
        int offset = index - firstIndex();
        if (offset < frames.size() / 2) {
            var it = frames.iterator();
            for (int i = 0; i < offset; i++) {
                it.next();
            }
            return it.next();
        }
        var it = frames.descendingIterator();
        for (int i = frames.size() - 1; i > offset; i--) {
            it.next();
        }
        return it.next();
    }

    /** Index of the oldest frame held; the window must not be empty. */
    public int firstIndex() {
        requireFrames();
        return frames.peekFirst().index();
    }

    /** Index of the newest frame held; the window must not be empty. */
    public int lastIndex() {
        requireFrames();
        return frames.peekLast().index();
    }

    /** Index of the first frame ever added: the start of the video. */
    public int videoStart() {
        requireFrames();
        return videoStart;
    }

    /** Frames currently held. */
    public int size() {
        return frames.size();
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public int capacity() {
        return capacity;
    }

    private void requireFrames() {
        if (frames.isEmpty()) {
            throw new IllegalStateException("the frame window is empty");
        }
    }
}
