package io.github.aed.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DetectedFramesTest {

    /** {@code count} tiny frames that record whether, and on which thread, the source was closed. */
    private static final class Frames implements Iterator<Frame>, AutoCloseable {
        final int count;
        int read;
        Thread closedOn;
        int closings;

        Frames(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return read < count;
        }

        @Override
        public Frame next() {
            return new Frame("clip", read++, 8, 8, 1, new byte[64]);
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread();
            closings++;
        }
    }

    /**
     * A detector with state across frames: frame i gets (number of frames seen so far) % 3 boxes, so any reordering or
     * repeated frame changes the output. Records the threads it ran on.
     */
    private static final class Counting implements Function<Frame, List<Detection>> {
        final AtomicInteger calls = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public List<Detection> apply(Frame f) {
            int seen = calls.getAndIncrement();
            synchronized (threads) {
                threads.add(Thread.currentThread());
            }
            List<Detection> out = new ArrayList<>();
            for (int i = 0; i < seen % 3; i++) {
                out.add(Detection.unclassified(f.index(), new Box(i, 0, i + 1, 1), 0.5));
            }
            return out;
        }
    }

    private static List<String> readAll(int frames, int ahead) {
        List<String> out = new ArrayList<>();
        try (DetectedFrames d = DetectedFrames.open(FrameSource.of("clip", new Frames(frames)), new Counting(), ahead)) {
            while (d.hasNext()) {
                DetectedFrames.DetectedFrame f = d.next();
                out.add(f.frame().index() + ":" + f.detections());
            }
        }
        return out;
    }

    @Test
    void everyLookaheadHandsOutWhatAPlainLoopWouldInOrder() {
        qt().forAll(integers().between(0, 40), integers().between(0, 6))
                .checkAssert((frames, ahead) -> assertEquals(readAll(frames, 0), readAll(frames, ahead),
                        frames + " frames, " + ahead + " ahead"));
        assertEquals(7, readAll(7, 3).size());
    }

    @Test
    void detectsOnItsOwnThreadAheadAndOnTheCallersWithout() {
        for (int ahead : new int[] {0, 2}) {
            Counting detector = new Counting();
            Frames frames = new Frames(5);
            try (DetectedFrames d = DetectedFrames.open(FrameSource.of("clip", frames), detector, ahead)) {
                d.forEachRemaining(f -> { });
            }
            assertEquals(5, detector.threads.size());
            boolean onCaller = detector.threads.stream().allMatch(t -> t == Thread.currentThread());
            assertEquals(ahead == 0, onCaller, "ahead " + ahead + ": " + detector.threads);
            assertSame(Thread.currentThread(), frames.closedOn, "the source is closed by the caller");
            assertEquals(1, frames.closings);
        }
    }

    @Test
    void readsAtMostTheLookaheadBeforeItIsAsked() throws InterruptedException {
        Counting detector = new Counting();
        try (DetectedFrames d = DetectedFrames.open(FrameSource.of("clip", new Frames(100)), detector, 2)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (detector.calls.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            assertEquals(3, detector.calls.get(), "two frames queued and one waiting to be queued");
            d.next();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (detector.calls.get() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            assertEquals(4, detector.calls.get());
        }
    }

    @Test
    void aFailureComesAfterTheFramesBeforeItAsTheSameException() {
        for (int ahead : new int[] {0, 3}) {
            InvalidInputException broken = new InvalidInputException("clip: frame 4 is corrupt");
            Function<Frame, List<Detection>> detect = f -> {
                if (f.index() == 4) {
                    throw broken;
                }
                return List.of();
            };
            try (DetectedFrames d = DetectedFrames.open(FrameSource.of("clip", new Frames(10)), detect, ahead)) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(i, d.next().frame().index());
                }
                assertSame(broken, assertThrows(InvalidInputException.class, d::hasNext), "ahead " + ahead);
                assertFalse(d.hasNext(), "nothing follows a failure");
            }
        }
    }

    @Test
    void closingEarlyStopsTheReadingAndClosesTheSourceOnce() throws InterruptedException {
        Counting detector = new Counting();
        Frames frames = new Frames(1000);
        DetectedFrames d = DetectedFrames.open(FrameSource.of("clip", frames), detector, 4);
        d.next();
        d.close();
        d.close();
        assertEquals(1, frames.closings);
        assertSame(Thread.currentThread(), frames.closedOn);
        assertNotSame(Thread.currentThread(), detector.threads.get(0));
        int calls = detector.calls.get();
        assertTrue(calls <= 6, "read past its lookahead: " + calls);
        Thread.sleep(50);
        assertEquals(calls, detector.calls.get(), "nothing is detected once closed");
        assertFalse(d.hasNext(), "a closed reader has no frames");
    }

    @Test
    void closingBeforeTheFirstFrameAndReadingVideosOneAfterAnotherNeverHangs() {
        for (int i = 0; i < 200; i++) {
            Frames frames = new Frames(i % 5);
            DetectedFrames d = DetectedFrames.open(FrameSource.of("clip", frames), new Counting(), 1 + i % 3);
            if (i % 2 == 0) {
                d.forEachRemaining(f -> { });
            }
            d.close();
            assertEquals(1, frames.closings);
        }
    }

    @Test
    void videosReadOneAfterAnotherReuseTheReadingThread() throws InterruptedException {
        Counting detector = new Counting();
        for (int video = 0; video < 3; video++) {
            try (DetectedFrames d = DetectedFrames.open(FrameSource.of("clip" + video, new Frames(3)), detector, 2)) {
                d.forEachRemaining(f -> { });
            }
            Thread.sleep(50);
        }
        assertEquals(1, detector.threads.stream().distinct().count(),
                "a detector's per-thread buffers are made once: " + detector.threads);
    }

    @Test
    void aNegativeLookaheadIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DetectedFrames.open(FrameSource.of("clip", new Frames(1)), new Counting(), -1));
        assertTrue(e.getMessage().contains("detectAhead") && e.getMessage().contains("-1"), e.getMessage());
    }
}
