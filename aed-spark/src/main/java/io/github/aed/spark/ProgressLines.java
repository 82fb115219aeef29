package io.github.aed.spark;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A line per finished video on the driver, with the running count and the frames per second so far:
 * {@code [3/10] Test003: ok, 120 frames in 2.1 s (load 0.0 s); 360 frames, 57.1 frames/s}. The executors report
 * through three accumulators that each scoring task adds its video's numbers to; a failed task attempt, which Spark
 * retries, gives a line of its own. Events arrive on Spark's listener thread, in the order tasks end.
 */
final class ProgressLines extends SparkListener {

    private final List<VideoTask> tasks;
    private final LongAccumulator frames;
    private final LongAccumulator failed;
    private final LongAccumulator loadMillis;
    private final Consumer<String> sink;
    private final long start = System.nanoTime();
    /** Guarded by this: the videos reported, so that a recomputed partition counts once. */
    private final BitSet done = new BitSet();
    private long framesDone;

    ProgressLines(List<VideoTask> tasks, LongAccumulator frames, LongAccumulator failed, LongAccumulator loadMillis,
                  Consumer<String> sink) {
        this.tasks = tasks;
        this.frames = frames;
        this.failed = failed;
        this.loadMillis = loadMillis;
        this.sink = sink;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        Long videoFrames = update(end, frames);
        int p = end.taskInfo().partitionId();
        if (!end.taskInfo().successful()) {
            if (end.stageId() >= 0 && p < tasks.size()) {
                sink.accept(String.format(Locale.ROOT, "task of stage %d partition %d (attempt %d) failed: %s; Spark retries it "
                        + "up to spark.task.maxFailures times", end.stageId(), p, end.taskInfo().attemptNumber(),
                        end.reason().toString().lines().findFirst().orElse("")));
            }
            return;
        }
        if (videoFrames == null || p >= tasks.size() || done.get(p)) {
            return;
        }
        done.set(p);
        framesDone += videoFrames;
        Long fail = update(end, failed);
        Long load = update(end, loadMillis);
        double seconds = end.taskInfo().duration() / 1000.0;
        double elapsed = (System.nanoTime() - start) / 1e9;
        sink.accept(String.format(Locale.ROOT, "[%d/%d] %s: %s, %d frames in %.1f s (load %.1f s); %d frames, %.1f frames/s",
                done.cardinality(), tasks.size(), tasks.get(p).video(), fail != null && fail > 0 ? "FAILED" : "ok", videoFrames,
                seconds, load == null ? 0.0 : load / 1000.0, framesDone, framesDone / elapsed));
    }

    /** This task's update of the accumulator, or null when the task did not update it (a task of another job). */
    private static Long update(SparkListenerTaskEnd end, LongAccumulator acc) {
        for (AccumulableInfo info : CollectionConverters.asJava(end.taskInfo().accumulables())) {
            if (info.id() == acc.id() && info.update().isDefined()) {
                return ((Number) info.update().get()).longValue();
            }
        }
        return null;
    }
}
