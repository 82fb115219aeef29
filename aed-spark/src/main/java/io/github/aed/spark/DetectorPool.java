package io.github.aed.spark;

import io.github.aed.nn.AnomalyDetector;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded detectors of one model in this JVM (an executor, or the driver in local mode), kept across videos and
 * tasks: one per task that ran at the same time, so at most one per executor core. A task {@link #checkout checks out}
 * a detector for its video and gives it back when done; the next video on that core reuses it, without loading the
 * model again.
 *
 * <p>The model is loaded once per JVM ({@link AnomalyDetector#load}) into a template that never scores; each checked-out
 * detector is the template's {@link AnomalyDetector#copyForThread()}, which scores exactly as the loaded model does.
 * Pools live as long as the JVM and are found by the model file's SHA-256, so jobs of one application that score with
 * the same model share them. Thread-safe.
 */
final class DetectorPool {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorPool.class);
    private static final Map<String, DetectorPool> POOLS = new ConcurrentHashMap<>();

    private final String sha256;
    /** Guarded by this. */
    private AnomalyDetector template;
    /** Guarded by this. */
    private final Deque<AnomalyDetector> idle = new ArrayDeque<>();
    /** Guarded by this: the detectors made from the template, idle or checked out. */
    private int made;

    private DetectorPool(String sha256) {
        this.sha256 = sha256;
    }

    /** This JVM's pool of the model with this SHA-256 (made empty on first use). */
    static DetectorPool of(String sha256) {
        return POOLS.computeIfAbsent(Objects.requireNonNull(sha256, "sha256"), DetectorPool::new);
    }

    /**
     * A detector no other thread uses until the lease is closed: an idle one kept from an earlier video, else a new
     * copy of the template (loaded from {@code modelFile} first, when this JVM has not loaded the model yet).
     */
    synchronized Lease checkout(Supplier<Path> modelFile) {
        long start = System.nanoTime();
        AnomalyDetector d = idle.poll();
        if (d != null) {
            return new Lease(this, d, 0);
        }
        d = template(modelFile).copyForThread().withProgress(List.of());
        made++;
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("model {}: detector {} ready in {} s", sha256.substring(0, 12), made, String.format("%.2f", seconds));
        return new Lease(this, d, seconds);
    }

    /** The loaded model (loading it when this JVM has not yet): the driver loads it this way to check it before the job. */
    synchronized AnomalyDetector template(Supplier<Path> modelFile) {
        if (template == null) {
            template = AnomalyDetector.load(modelFile.get());
        }
        return template;
    }

    /** Detectors made in this JVM so far (idle or checked out). */
    synchronized int made() {
        return made;
    }

    private synchronized void giveBack(AnomalyDetector d) {
        idle.push(d);
    }

    /** A checked-out detector; closing the lease gives it back to the pool (it stays loaded). */
    static final class Lease implements AutoCloseable {
        private final DetectorPool pool;
        private final AnomalyDetector detector;
        private final double loadSeconds;
        private boolean closed;

        private Lease(DetectorPool pool, AnomalyDetector detector, double loadSeconds) {
            this.pool = pool;
            this.detector = detector;
            this.loadSeconds = loadSeconds;
        }

        /** The detector, for this lease's thread only. */
        AnomalyDetector detector() {
            return detector;
        }

        /** Seconds the checkout spent loading or copying the model; 0 for a detector kept from an earlier video. */
        double loadSeconds() {
            return loadSeconds;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                pool.giveBack(detector);
            }
        }
    }
}
