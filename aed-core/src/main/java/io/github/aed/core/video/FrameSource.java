package io.github.aed.core.video;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A single pass over the frames of one video, in order, with 0-based consecutive indices.
 *
 * <p>Each returned {@link Frame} is a deep copy that the caller owns; it stays valid after further frames are read and
 * after the source is closed. A source may hold a decoder or file handles: close it (try-with-resources). Sources are
 * not thread-safe. To read a video more than once, keep its {@link Video} and open it again.
 *
 * <p>Decoding errors surface as {@link io.github.aed.core.InvalidInputException} from {@link #hasNext()} or
 * {@link #next()}, naming the file and frame.
 */
public interface FrameSource extends Iterator<Frame>, AutoCloseable {

    /** The name of the video: file name, folder name or stream name. Frames carry the same name. */
    String name();

    /** The number of frames, when the container or folder says so before reading; empty for streams. */
    OptionalInt frameCount();

    /** Releases decoders and file handles. Idempotent. */
    @Override
    void close();

    /** Reads every remaining frame and hands it to {@code action}, then closes the source. */
    default void forEachRemainingAndClose(Consumer<? super Frame> action) {
        try (this) {
            forEachRemaining(action);
        }
    }

    /**
     * A source over frames produced elsewhere (a camera, a network stream, a generator), read lazily: nothing is
     * held but the frame being handed out. The iterator's frames must have consecutive 0-based indices.
     */
    static FrameSource of(String name, Iterator<Frame> frames) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(frames, "frames");
        return new FrameSource() {
            private int expected;

            @Override
            public String name() {
                return name;
            }

            @Override
            public OptionalInt frameCount() {
                return OptionalInt.empty();
            }

            @Override
            public boolean hasNext() {
                return frames.hasNext();
            }

            @Override
            public Frame next() {
                if (!frames.hasNext()) {
                    throw new NoSuchElementException(name + ": no more frames after " + expected);
                }
                Frame f = frames.next();
                if (f.index() != expected) {
                    throw new io.github.aed.core.InvalidInputException(name + ": expected frame index " + expected
                            + ", the stream gave " + f.index());
                }
                expected++;
                return f;
            }

            @Override
            public void close() {
                if (frames instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(name + ": closing the stream failed", e);
                    }
                }
            }
        };
    }
}
