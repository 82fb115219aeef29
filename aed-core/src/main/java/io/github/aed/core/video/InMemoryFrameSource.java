package io.github.aed.core.video;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

/** A pass over frames already in memory. Frames are immutable, so they are handed out as they are. */
final class InMemoryFrameSource implements FrameSource {

    private final String name;
    private final List<Frame> frames;
    private int next;

    InMemoryFrameSource(String name, List<Frame> frames) {
        this.name = name;
        this.frames = frames;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalInt frameCount() {
        return OptionalInt.of(frames.size());
    }

    @Override
    public boolean hasNext() {
        return next < frames.size();
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException(name + " has only " + frames.size() + " frames");
        }
        return frames.get(next++);
    }

    @Override
    public void close() {
        next = frames.size();
    }
}
