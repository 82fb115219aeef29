package io.github.aed.spark;

import io.github.aed.core.InvalidInputException;
import io.github.aed.nn.AnomalyDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.Text;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Scores a list of videos on Spark with one model and writes {@code SCORES.csv}, {@code REGIONS.csv} and
 * {@code STATUS.csv} into one output directory (formats: {@link OutputTables}).
 *
 * <pre>{@code
 * JobSummary s = ScoringJob.builder().model(Path.of("model.aed")).videos(paths).output("hdfs:///aed/run1").build().run(sc);
 * }</pre>
 *
 * <p>How it runs: the driver checks that the output directory does not exist (unless {@link Builder#overwrite}), ships
 * the model file to the executors once ({@link JavaSparkContext#addFile}) and loads it itself to fail early on a bad
 * model. Each video is one task (one partition): the executor scores it with a detector from its JVM's pool, one per
 * core, kept across videos ({@link DetectorPool}), as {@code ./aed score} would score it. The results are kept
 * ({@link StorageLevel#MEMORY_AND_DISK()}) until one task has written the three files through Hadoop's output
 * committer; only then is an existing directory replaced, so a job that fails while scoring leaves it as it was.
 *
 * <p>Faults: a video that cannot be read or scored is a {@code failed} row of {@code STATUS.csv} with its error, and
 * the others are written; a task that fails (a lost executor, a crash) is retried by Spark, and only the attempt that
 * completes reaches the output, so no row is written twice. Paths must be readable by every executor (a shared or
 * mounted file system); the output directory is a Hadoop path (a local path in local mode, {@code hdfs://…} or
 * another Hadoop file system on a cluster). Immutable; {@link #run} may be called from one thread at a time per
 * Spark context.
 */
public final class ScoringJob {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringJob.class);

    private final Path model;
    private final List<Path> videos;
    private final String output;
    private final boolean overwrite;
    private final Consumer<String> progress;

    private ScoringJob(Builder b) {
        this.model = b.model;
        this.videos = List.copyOf(b.videos);
        this.output = b.output;
        this.overwrite = b.overwrite;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the job on {@code sc} and returns what it wrote.
     *
     * @throws IllegalStateException               if the output directory exists and overwriting was not asked for
     * @throws InvalidInputException               if the model file cannot be loaded
     * @throws IllegalArgumentException            if two videos have the same name, or a name holds a comma or line break
     */
    public JobSummary run(JavaSparkContext sc) {
        return run(sc, VideoScoring::new);
    }

    /** {@link #run(JavaSparkContext)} with the per-video function made by {@code scoring} (tests inject faults here). */
    JobSummary run(JavaSparkContext sc, java.util.function.Function<ModelShipment, Function<VideoTask, VideoResult>> scoring) {
        long start = System.nanoTime();
        List<VideoTask> tasks = tasks();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
        FileSystem fs = fileSystem(sc, out);
        out = fs.makeQualified(out);
        boolean exists = exists(fs, out);
        if (exists && !overwrite) {
            throw new IllegalStateException(out + " already exists; refusing to replace it (--overwrite replaces it once the "
                    + "new output is ready)");
        }
        ModelShipment shipment = ModelShipment.ship(sc, model);
        AnomalyDetector loaded = DetectorPool.of(shipment.sha256()).template(() -> model);
        progress.accept(loaded.describe());
        progress.accept("scoring " + tasks.size() + " videos on " + sc.master() + " (default parallelism "
                + sc.defaultParallelism() + ") -> " + out);

        LongAccumulator frames = sc.sc().longAccumulator("aed.frames");
        LongAccumulator failed = sc.sc().longAccumulator("aed.failed");
        LongAccumulator loadMillis = sc.sc().longAccumulator("aed.loadMillis");
        ProgressLines lines = new ProgressLines(tasks, frames, failed, loadMillis, progress);
        sc.sc().addSparkListener(lines);
        Function<VideoTask, VideoResult> perVideo = scoring.apply(shipment);
        JavaRDD<VideoResult> scored = sc.parallelize(tasks, tasks.size()).map(task -> {
            VideoResult r = perVideo.call(task);
            frames.add(r.frames());
            failed.add(r.ok() ? 0 : 1);
            loadMillis.add(Math.round(r.loadSeconds() * 1000));
            return r;
        }).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            sc.setJobDescription("aed: score " + tasks.size() + " videos");
            scored.count();
            if (exists) {
                LOG.info("replacing {}", out);
                delete(fs, out);
            }
            sc.setJobDescription("aed: write " + out);
            scored.mapToPair(r -> new Tuple2<>(r.task().index(), r))
                    .repartitionAndSortWithinPartitions(new HashPartitioner(1))
                    .mapPartitionsToPair(OutputTables::lines)
                    .saveAsHadoopFile(out.toString(), Text.class, Text.class, OutputTables.TableOutputFormat.class);
        } finally {
            sc.setJobDescription(null);
            scored.unpersist(false);
            sc.sc().removeSparkListener(lines);
        }
        return summary(fs, out, (System.nanoTime() - start) / 1e9);
    }

    /** The videos as tasks, checking that their names can be the keys of the score files. */
    private List<VideoTask> tasks() {
        List<VideoTask> tasks = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path p : videos) {
            VideoTask t = VideoTask.of(tasks.size(), p);
            if (t.video().chars().anyMatch(c -> c == ',' || c == '\n' || c == '\r')) {
                throw new IllegalArgumentException(p + ": the video name '" + t.video() + "' holds a comma or line break, which "
                        + "the score files cannot hold; rename it");
            }
            String other = seen.put(t.video(), t.path());
            if (other != null) {
                throw new IllegalArgumentException("two videos are named " + t.video() + " (" + other + " and " + t.path()
                        + "); the score files need unique names");
            }
            tasks.add(t);
        }
        return tasks;
    }

    /** Reads the committed STATUS.csv back: what the output holds, not what the driver believes it asked for. */
    private static JobSummary summary(FileSystem fs, org.apache.hadoop.fs.Path out, double seconds) {
        org.apache.hadoop.fs.Path status = new org.apache.hadoop.fs.Path(out, OutputTables.STATUS);
        int videos = 0;
        long frames = 0;
        List<String> failures = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(status), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (!OutputTables.STATUS_HEADER.equals(header)) {
                throw new IllegalStateException(status + ": expected the header " + OutputTables.STATUS_HEADER + ", got " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = statusFields(line);
                videos++;
                frames += Long.parseLong(f[3]);
                if (!"ok".equals(f[2])) {
                    failures.add(f[0] + ": " + unquoted(f[7]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
        return new JobSummary(out.toString(), videos, failures, frames, seconds);
    }

    /**
     * The eight fields of a status line, quoted ones with their quotes. A line is a whole row: no field holds a line
     * break (video names are checked by {@link #tasks}, errors are made one line by {@link VideoScoring#message}).
     */
    private static String[] statusFields(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (fields.size() < 7) {
            int end;
            if (i < line.length() && line.charAt(i) == '"') {
                end = closingQuote(line, i) + 1;
            } else {
                end = line.indexOf(',', i);
            }
            if (end < 0 || end > line.length()) {
                throw new IllegalStateException("malformed status line: " + line);
            }
            fields.add(line.substring(i, end));
            i = end + 1;
        }
        fields.add(i <= line.length() ? line.substring(i) : "");
        return fields.toArray(String[]::new);
    }

    private static int closingQuote(String line, int open) {
        int i = open + 1;
        while (i < line.length()) {
            if (line.charAt(i) == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return line.length();
    }

    private static String unquoted(String field) {
        return field.startsWith("\"") && field.endsWith("\"") && field.length() >= 2
                ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    private static FileSystem fileSystem(JavaSparkContext sc, org.apache.hadoop.fs.Path out) {
        try {
            return out.getFileSystem(sc.hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("no file system for the output " + out, e);
        }
    }

    private static boolean exists(FileSystem fs, org.apache.hadoop.fs.Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the output " + p, e);
        }
    }

    private static void delete(FileSystem fs, org.apache.hadoop.fs.Path p) {
        try {
            if (!fs.delete(p, true)) {
                throw new IllegalStateException("cannot delete " + p + " to replace it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + " to replace it", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScoringJob[%d videos, model %s -> %s%s]", videos.size(), model, output,
                overwrite ? ", overwrite" : "");
    }

    /** Settings of a {@link ScoringJob}; model, videos and output are required. */
    public static final class Builder {
        private Path model;
        private final List<Path> videos = new ArrayList<>();
        private String output;
        private boolean overwrite;
        private Consumer<String> progress = LOG::info;

        private Builder() {
        }

        /** The model file ({@code ./aed train --model}), read on the driver. */
        public Builder model(Path file) {
            this.model = Objects.requireNonNull(file, "model");
            return this;
        }

        /** Replaces the videos: files or frame folders, as paths every executor can read; each is one task. */
        public Builder videos(List<Path> paths) {
            videos.clear();
            paths.forEach(this::addVideo);
            return this;
        }

        /** Adds a video file or frame folder. */
        public Builder addVideo(Path path) {
            videos.add(Objects.requireNonNull(path, "video"));
            return this;
        }

        /** The output directory, a Hadoop path; without a scheme it is on the default file system. */
        public Builder output(String directory) {
            this.output = Objects.requireNonNull(directory, "output");
            return this;
        }

        /** Whether an existing output directory is replaced (default: refused). */
        public Builder overwrite(boolean on) {
            this.overwrite = on;
            return this;
        }

        /** Where the driver's progress lines go (default: logged at INFO). */
        public Builder progress(Consumer<String> sink) {
            this.progress = Objects.requireNonNull(sink, "progress");
            return this;
        }

        /**
         * Validates the settings.
         *
         * @throws IllegalArgumentException naming the missing setting
         * @throws InvalidInputException    if the model file does not exist
         */
        public ScoringJob build() {
            if (model == null) {
                throw new IllegalArgumentException("model: the model file is required");
            }
            if (!Files.isRegularFile(model)) {
                throw new InvalidInputException(model + ": no such model file");
            }
            if (videos.isEmpty()) {
                throw new IllegalArgumentException("videos: at least one video is required");
            }
            if (output == null || output.isBlank()) {
                throw new IllegalArgumentException("output: the output directory is required");
            }
            return new ScoringJob(this);
        }
    }
}
