package io.github.aed.detect;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The frames of one video with their detections, in frame order, read and detected up to {@code ahead} frames before
 * the caller asks for them, on a thread of their own: decoding and detection then overlap with what the caller does
 * with each frame (cutting cubes, the network, optical flow); on two cores that hid about half of NanoDet's time when
 * scoring UCSD Ped2.
 * With {@code ahead = 0} everything happens on the caller's thread, as a plain loop would.
 *
 * <p>The detections are the same either way: one thread reads the source and calls {@code detect} frame by frame, in
 * order, so a detector that keeps state across frames (a background model) sees what it would see in a plain loop.
 * That thread is the only one touching the source and the detector until this is closed; the caller must not use
 * either meanwhile. An exception thrown while reading or detecting a frame is rethrown, as the same object, by the
 * caller's {@link #hasNext()} or {@link #next()} once the frames before it have been handed out.
 *
 * <p>{@link #close()} stops the reading, waits for it (it finishes the frame it is detecting), then closes the source
 * on the caller's thread. The reading threads are daemon threads shared by all instances and reused from one video to
 * the next (a COCO detector keeps its graph's intermediate tensors in an ND4J workspace of the thread it runs on); idle
 * ones wait for the next video. Memory: up to {@code ahead} frames and their detections, besides the one being detected.
 */
public final class DetectedFrames implements Iterator<DetectedFrames.DetectedFrame>, AutoCloseable {

    /**
     * The lookahead that training and scoring use unless told otherwise: enough to ride out a slow frame (a crowded
     * one, a garbage collection) without holding more than a handful of frames.
     */
    public static final int DEFAULT_AHEAD = 4;

    /** One frame and what was detected in it. */
    public record DetectedFrame(Frame frame, List<Detection> detections) {

        /** @throws NullPointerException if either is null */
        public DetectedFrame {
            Objects.requireNonNull(frame, "frame");
            detections = List.copyOf(detections);
        }
    }

    /**
     * What the reading thread hands over: a frame, the end of the video, or the failure that stopped it (a
     * {@link RuntimeException} or an {@link Error}: nothing else can escape reading and detecting).
     */
    private record Item(DetectedFrame frame, Throwable failure) {
        static final Item END = new Item(null, null);
    }

    /**
     * The reading threads, shared by every instance and kept when idle: videos read one after another reuse an idle
     * thread, so a detector's per-thread buffers (a COCO detector's ND4J workspace, the C library's heap arena) are made
     * once per thread, and there are as many threads as videos were ever read at once (a thread that ended would leave
     * its workspace to the garbage collector, and a new one would make another).
     */
    private static final ExecutorService READERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, Long.MAX_VALUE,
            TimeUnit.NANOSECONDS, new SynchronousQueue<>(), task -> {
                Thread t = new Thread(task, "aed-detect-ahead");
                t.setDaemon(true);
                return t;
            });

    private final FrameSource source;
    private final String name;
    private final OptionalInt frameCount;
    private final Function<Frame, List<Detection>> detect;
    private final BlockingQueue<Item> queue;
    private final boolean ahead;
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private volatile boolean stopping;
    private Item next;
    private boolean closed;

    private DetectedFrames(FrameSource source, Function<Frame, List<Detection>> detect, int ahead) {
        this.source = source;
        this.name = source.name();
        this.frameCount = source.frameCount();
        this.detect = detect;
        this.ahead = ahead > 0;
        this.queue = ahead > 0 ? new ArrayBlockingQueue<>(ahead) : null;
        if (ahead > 0) {
            READERS.execute(this::readAll);
        }
    }

    /**
     * Starts reading {@code source} and detecting each frame with {@code detect} (a detector's {@code detect}, or a
     * function that checks the frame and calls one). Takes over the source: closing this closes it.
     *
     * @param ahead frames read and detected before they are asked for, at least 0; 0 reads and detects on the
     *              caller's thread when it asks
     * @throws IllegalArgumentException if {@code ahead} is negative
     */
    public static DetectedFrames open(FrameSource source, Function<Frame, List<Detection>> detect, int ahead) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detect, "detect");
        return new DetectedFrames(source, detect, checkedAhead(ahead));
    }

    /**
     * {@code frames} if it is a valid lookahead (at least 0), for settings that pass one on.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public static int checkedAhead(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("detectAhead must be at least 0 frames, got " + frames);
        }
        return frames;
    }

    /** The name of the video being read (the source's). */
    public String name() {
        return name;
    }

    /** The number of frames, when the source said so before reading (see {@link FrameSource#frameCount()}). */
    public OptionalInt frameCount() {
        return frameCount;
    }

    /**
     * Whether another frame follows; waits for the reading thread when it has not detected it yet.
     *
     * @throws RuntimeException what reading or detecting the next frame threw
     * @throws CancellationException if the calling thread is interrupted while it waits (its interrupt flag is set again)
     */
    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (next == null) {
            next = ahead ? take() : readOne();
        }
        if (next.failure != null) {
            Throwable failure = next.failure;
            next = Item.END;
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }
        return next != Item.END;
    }

    /** The next frame and its detections. */
    @Override
    public DetectedFrame next() {
        if (!hasNext()) {
            throw new NoSuchElementException(name + ": no more frames");
        }
        DetectedFrame frame = next.frame;
        next = null;
        return frame;
    }

    /** Stops reading, waits for the reading thread to end, and closes the source. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ahead) {
            stopReader();
        }
        source.close();
    }

    /** Tells the reading task to stop and waits for it, emptying the queue so that it is never stuck handing over. */
    private void stopReader() {
        stopping = true;
        boolean interrupted = false;
        while (readerDone.getCount() > 0) {
            queue.clear();
            try {
                readerDone.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Item readOne() {
        try {
            return source.hasNext() ? detected(source.next()) : Item.END;
        } catch (RuntimeException | Error e) {
            return new Item(null, e);
        }
    }

    private Item detected(Frame frame) {
        return new Item(new DetectedFrame(frame, detect.apply(frame)), null);
    }

    /** The next item from the reading thread, waiting for it; fails if the thread stopped without a last item. */
    private Item take() {
        try {
            while (true) {
                Item item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (readerDone.getCount() == 0 && queue.isEmpty()) {
                    throw new CancellationException(name + ": the thread detecting its frames stopped without a result "
                            + "(interrupted)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the detections of " + name);
        }
    }

    /** The reading thread's task: every frame in order, then the end or the failure that stopped it, unless stopped. */
    private void readAll() {
        try {
            Item item = null;
            while (!stopping && (item == null || item.frame != null)) {
                item = readOne();
                queue.put(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readerDone.countDown();
        }
    }
}
