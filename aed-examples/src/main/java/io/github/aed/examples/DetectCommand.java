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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    private PostProcessingOptions postProcessing;

    @Mixin
    private VideoInputOption videoInput;

    @Override
    public Integer call() {
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
            ObjectDetector parsed = detectorOption.create();
            try (ObjectDetector detector = post.equals(PostProcessor.NONE) ? parsed
                    : ComposedDetector.builder().add(parsed).postProcessor(post).build()) {
                if (!priming.isEmpty()) {
                    System.err.printf("priming on %d video(s)...%n", priming.size());
                    detector.prime(priming);
                }
                System.out.println("detector: " + detector.describe());
                long total = 0;
                for (int i = 0; i < videos.size(); i++) {
                    total += detectVideo(detector, videos.get(i), csvs.get(i), annotated == null ? null : videoFiles.get(i), fps);
                }
                outputs.commit();
                System.out.printf(Locale.ROOT, "%d detections in %d video(s) written to %s%s%n", total, videos.size(), out,
                        annotated == null ? "" : ", annotated video in " + annotated);
            }
        }
        return 0;
    }

    private static long detectVideo(ObjectDetector detector, Video video, Path csv, Path annotatedFile, double fps) {
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
        return count;
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
