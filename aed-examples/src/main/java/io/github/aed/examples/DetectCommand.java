package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.DamagedVideoPolicy;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.core.video.VideoFileWriter;
import io.github.aed.detect.ComposedDetector;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.PostProcessor;
import io.github.aed.detect.csv.DetectionCsvWriter;
import io.github.aed.detect.spec.DetectorRecipe;
import io.github.aed.examples.cli.UsageErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./aed detect}: runs a detector over a video, a frame folder or a folder of clips and writes detection CSVs. */
@Command(name = "detect", header = "find objects in video (COCO networks with motion boxes by default, motion, HOG, cascades, Darknet/ONNX, CSV) and write detection CSVs",
        description = {"CSV columns: frame,x_min,y_min,x_max,y_max,class_id,class,score (inclusive pixel corners, 0-based "
                + "frames, class_id -1 and class \"object\" = no class). The post-processing options apply to the "
                + "detector's output (see docs/detect.md)."})
final class DetectCommand implements Callable<Integer> {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp");

    @Option(names = "--input", required = true, paramLabel = "VIDEO_OR_FRAME_DIR_OR_CLIP_DIR", description = "a video file, a "
            + "folder of frame images, or a folder of clips (video files or frame folders, e.g. ../shared/data/ucsd-ped2/Train). "
            + "For a folder of clips --out names a folder that receives one <clip>.csv per clip.")
    private Path input;

    @Mixin
    private DetectorOption detectorOption;

    @Option(names = "--out", required = true, paramLabel = "detections.csv", description = "the detection CSV (a folder for a folder of clips)")
    private Path out;

    @Option(names = "--prime", paramLabel = "VIDEO_OR_DIR", description = "normal videos the detector learns from first (the "
            + "motion detector's background model); same forms as --input, may be repeated")
    private List<Path> prime = List.of();

    @Option(names = "--annotated", paramLabel = "DIR", description = "also write the frames with the boxes drawn, one "
            + "<clip>.avi (or --annotated-format) per clip into this folder (created if missing), whatever the number of clips, "
            + "at --fps")
    private Path annotated;

    @Option(names = "--annotated-format", paramLabel = "EXT", description = "the --annotated videos' format: avi (MJPG, "
            + "written by OpenCV), or mp4, mkv or mov (H.264, written by FFmpeg; even frame sizes only) (default: ${DEFAULT-VALUE})")
    private AnnotatedFormat annotatedFormat = AnnotatedFormat.AVI;

    /** The container (and so the codec) of the annotated videos. */
    enum AnnotatedFormat {
        AVI, MP4, MKV, MOV;

        String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--fps", paramLabel = "FPS", description = "frame rate of --annotated (default: ${DEFAULT-VALUE})")
    private double fps = 25;

    @Spec
    private CommandSpec spec;

    @Option(names = "--workers", paramLabel = "N", description = "for a folder of clips: detectors run at once, each on a "
            + "thread of its own taking the next clip, each a copy of the primed detector; the CSVs do not depend on it. 1 "
            + "detects clip after clip. Each worker runs ND4J with OMP_NUM_THREADS native threads (the launcher's 1) "
            + "(default: the number of cores, at most the number of clips)")
    private Integer workers;

    @Mixin
    private PostProcessingOptions postProcessing;

    @Mixin
    private VideoInputOption videoInput;

    @Override
    public Integer call() {
        int workerCount = workerCount();
        PostProcessor post = postProcessing.postProcessor();
        DamagedVideoPolicy damaged = videoInput.policy();
        boolean clips = isClipFolder(input);
        List<Video> videos = clips ? Video.clipsIn(input, damaged) : List.of(Video.at(input, damaged));
        List<Video> priming = new ArrayList<>();
        for (Path path : prime) {
            priming.addAll(isClipFolder(path) ? Video.clipsIn(path, damaged) : List.of(Video.at(path, damaged)));
        }
        List<Path> inputs = new ArrayList<>(prime);
        inputs.add(input);
        try (CommandOutputs outputs = new CommandOutputs(inputs)) {
            List<Path> csvs = new ArrayList<>();
            List<Path> videoFiles = new ArrayList<>();
            if (clips) {
                outputs.folder(out, "--out");
            } else if (Files.isDirectory(out)) {
                throw new InvalidInputException("--out " + out + ": is a folder, but for one video --out names the CSV file "
                        + "(a folder of clips takes a folder)");
            }
            for (Video v : videos) {
                csvs.add(outputs.file(clips ? out.resolve(v.name() + ".csv") : out, "--out"));
            }
            if (annotated != null) {
                outputs.folder(annotated, "--annotated");
                for (Video v : videos) {
                    videoFiles.add(outputs.file(annotated.resolve(v.name() + annotatedFormat.extension()), "--annotated"));
                }
            }
            InputChecks.primingMatches(priming, videos, "--prime");
            List<ObjectDetector> detectors = detectors(priming, post, Math.min(workerCount, videos.size()));
            try {
                System.out.println("detector: " + detectors.get(0).describe()
                        + (detectors.size() > 1 ? " (" + detectors.size() + " workers)" : ""));
                long start = System.nanoTime();
                long[] totals = detectAll(detectors, videos, csvs, annotated == null ? null : videoFiles);
                double seconds = (System.nanoTime() - start) / 1e9;
                outputs.commit();
                System.out.printf(Locale.ROOT, "%d detections in %d video(s) written to %s%s%n", totals[1], videos.size(), out,
                        annotated == null ? "" : ", annotated video in " + annotated);
                System.out.printf(Locale.ROOT, "%d frames in %.1f s: %.1f frames/s with %d worker(s)%n", totals[0], seconds,
                        totals[0] / Math.max(seconds, 1e-9), detectors.size());
            } finally {
                detectors.forEach(ObjectDetector::close);
            }
        }
        return 0;
    }

    private int workerCount() {
        int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (n < 1) {
            throw UsageErrors.of(spec, "--workers must be at least 1, got " + n);
        }
        return n;
    }

    /**
     * The detector, primed, and {@code count − 1} copies that detect exactly as it does (its recipe rebuilt with the
     * primed state), each with the post-processing. A detector without a recipe ({@link DetectorRecipe#copyOf}) is
     * not copied: one worker.
     */
    private List<ObjectDetector> detectors(List<Video> priming, PostProcessor post, int count) {
        List<ObjectDetector> parts = new ArrayList<>();
        parts.add(detectorOption.create());
        try {
            if (!priming.isEmpty()) {
                System.err.printf("priming on %d video(s)...%n", priming.size());
                parts.get(0).prime(priming);
            }
            while (parts.size() < count) {
                Optional<ObjectDetector> copy = DetectorRecipe.copyOf(parts.get(0));
                if (copy.isEmpty()) {
                    System.err.printf("%s cannot be copied (no spec rebuilds it exactly), so one worker detects every clip%n",
                            parts.get(0).describe());
                    break;
                }
                parts.add(copy.get());
            }
        } catch (RuntimeException e) {
            parts.forEach(ObjectDetector::close);
            throw e;
        }
        return post.equals(PostProcessor.NONE) ? parts
                : parts.stream().map(d -> (ObjectDetector) ComposedDetector.builder().add(d).postProcessor(post).build()).toList();
    }

    /**
     * Detects every video, video {@code i} into {@code csvs[i]}: on the calling thread with one detector, otherwise each
     * detector on a thread of its own taking the next video until none is left. After a failure no worker starts
     * another video, and the first failure is rethrown once every worker has stopped.
     *
     * @return {frames, detections} over all videos
     */
    private long[] detectAll(List<ObjectDetector> detectors, List<Video> videos, List<Path> csvs, List<Path> videoFiles) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicLong frames = new AtomicLong();
        AtomicLong detections = new AtomicLong();
        List<Runnable> workers = detectors.stream().<Runnable>map(detector -> () -> {
            try {
                for (int i = next.getAndIncrement(); i < videos.size() && !failed.get(); i = next.getAndIncrement()) {
                    long[] counts = detectVideo(detector, videos.get(i), csvs.get(i),
                            videoFiles == null ? null : videoFiles.get(i), fps);
                    frames.addAndGet(counts[0]);
                    detections.addAndGet(counts[1]);
                }
            } catch (RuntimeException | Error e) {
                failed.set(true);
                throw e;
            }
        }).toList();
        if (workers.size() == 1) {
            workers.get(0).run();
        } else {
            runAll(workers);
        }
        return new long[] {frames.get(), detections.get()};
    }

    /** Runs each worker on a thread of its own, waits for all, and rethrows the first failure as it was thrown. */
    private static void runAll(List<Runnable> workers) {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), r -> {
            Thread t = new Thread(r, "aed-detect-worker-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = workers.stream().<Future<?>>map(pool::submit).toList();
            Throwable first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(x -> x.cancel(true));
                    throw new IllegalStateException("interrupted while detecting", e);
                }
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error err) {
                throw err;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Detects one video into its CSV (and annotated video); {frames, detections}. */
    private static long[] detectVideo(ObjectDetector detector, Video video, Path csv, Path annotatedFile, double fps) {
        detector.reset();
        long count = 0;
        int frames = 0;
        long nanos = 0;
        VideoFileWriter annotated = null;
        try (FrameSource src = video.open(); DetectionCsvWriter writer = DetectionCsvWriter.open(csv)) {
            while (src.hasNext()) {
                Frame f = src.next();
                long t0 = System.nanoTime();
                List<Detection> ds = detector.detect(f);
                nanos += System.nanoTime() - t0;
                writer.write(ds);
                count += ds.size();
                frames++;
                if (annotatedFile != null) {
                    if (annotated == null) {
                        annotated = VideoFileWriter.open(annotatedFile, fps, f.width(), f.height());
                    }
                    annotated.write(draw(f, ds));
                }
            }
        } finally {
            if (annotated != null) {
                annotated.close();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d frames, %d detections (%.2f per frame), %.0f frames/s of detection%n",
                video.name(), frames, count, frames == 0 ? 0.0 : (double) count / frames,
                nanos == 0 ? 0.0 : frames / (nanos / 1e9));
        return new long[] {frames, count};
    }

    /** The frame in colour with each box drawn and labelled with its class (if any) and confidence. */
    static Frame draw(Frame frame, List<Detection> detections) {
        try (Mat mat = frame.toBgr().toMat()) {
            for (Detection d : detections) {
                Box b = d.box();
                Scalar colour = colour(d.classId());
                opencv_imgproc.rectangle(mat, new Point(b.xMin(), b.yMin()), new Point(b.inclusiveXMax(), b.inclusiveYMax()),
                        colour, 1, opencv_imgproc.LINE_8, 0);
                String label = (d.classId() == Detection.UNKNOWN_CLASS ? "" : d.className() + " ")
                        + String.format(Locale.ROOT, "%.2f", d.confidence());
                opencv_imgproc.putText(mat, label, new Point(b.xMin(), Math.max(8, b.yMin() - 2)),
                        opencv_imgproc.FONT_HERSHEY_PLAIN, 0.7, colour, 1, opencv_imgproc.LINE_AA, false);
            }
            return Frame.fromMat(mat, frame.source(), frame.index());
        }
    }

    private static Scalar colour(int classId) {
        double[][] palette = {{0, 0, 255}, {0, 200, 0}, {255, 128, 0}, {0, 200, 255}, {255, 0, 255}, {255, 255, 0}};
        double[] c = palette[Math.floorMod(classId + 1, palette.length)];
        return new Scalar(c[0], c[1], c[2], 0);
    }

    /** Whether a path is a folder of clips rather than a video file or a folder of frame images. */
    private static boolean isClipFolder(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.noneMatch(p -> Files.isRegularFile(p) && IMAGE_EXTENSIONS.contains(extension(p).replace(".", "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot).toLowerCase(Locale.ROOT) : "";
    }
}
