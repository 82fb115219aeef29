package io.github.aed.detect;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One job's exclusive use of an {@link ObjectDetector} instance: a video being scored or a training run. A detector
 * keeps per-video state (a background model, reused OpenCV buffers, the graph's intermediate tensors), so two jobs
 * on one instance at once corrupt each other, often silently. A job takes a lease for its whole length; a second job
 * that reaches the same instance meanwhile, from another thread or nested inside the first, fails at once with an
 * {@link IllegalStateException} that names the detector and both jobs, instead of reading the other's state.
 *
 * <p>Leases go by instance identity and cover only the instance leased: the parts of a composed detector are not
 * leased one by one. Taking and returning a lease is thread-safe; a lease is returned by the thread that took it,
 * with try-with-resources. Nothing is held once every lease is closed.
 */
public final class DetectorLease implements AutoCloseable {

    private static final Map<ObjectDetector, DetectorLease> HELD = new IdentityHashMap<>();

    private final ObjectDetector detector;
    private final String job;
    private final Thread thread;

    private DetectorLease(ObjectDetector detector, String job) {
        this.detector = detector;
        this.job = job;
        this.thread = Thread.currentThread();
    }

    /**
     * Takes {@code detector} for {@code job} (e.g. "scoring Test001"), until the lease is closed.
     *
     * @throws IllegalStateException if another job holds it, naming the detector, that job and its thread
     */
    public static DetectorLease take(ObjectDetector detector, String job) {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(job, "job");
        synchronized (HELD) {
            DetectorLease held = HELD.get(detector);
            if (held != null) {
                throw new IllegalStateException("cannot start " + job + ": the object detector " + detector.describe()
                        + " is busy " + held.job + " on " + (held.thread == Thread.currentThread() ? "this thread, further up the call"
                        : "thread '" + held.thread.getName() + "'") + ". A detector keeps per-video state and serves one "
                        + "video at a time: give each thread its own detector (e.g. AnomalyDetector.copyForThread()), or "
                        + "score through one AnomalyDetector and its siblings, which take turns");
            }
            DetectorLease lease = new DetectorLease(detector, job);
            HELD.put(detector, lease);
            return lease;
        }
    }

    /** Returns the detector. Idempotent. */
    @Override
    public void close() {
        synchronized (HELD) {
            HELD.remove(detector, this);
        }
    }

    @Override
    public String toString() {
        return "DetectorLease[" + job + " on thread '" + thread.getName() + "']";
    }
}
