package io.github.aed.core.scene;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A generated dataset in the UCSD Ped2 layout, so that every tool that reads Ped2 reads it too:
 *
 * <pre>
 * ROOT/Train/Train001/001.png …        normal training clips (lossless PNG frames, 1-based names)
 * ROOT/Test/Test001/001.png …          test clips
 * ROOT/Test/Test001_gt/001.png …       pixel masks, 0 or 255, one per test frame
 * ROOT/Test/UCSDped2.m                 frame-level ground truth, 1-based inclusive ranges per clip
 * ROOT/Test/tracks/Test001.txt …       AED track files: track_id,frame_idx,x_min,y_min,x_max,y_max (0-based frames,
 *                                      inclusive pixel corners)
 * </pre>
 *
 * @param train normal videos
 * @param test  test videos with their ground truth
 */
public record GeneratedDataset(List<GeneratedVideo> train, List<GeneratedVideo> test) {

    /** Copies the lists. */
    public GeneratedDataset {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Writes the dataset below {@code root} (created if missing; existing files of the same names are replaced).
     *
     * @return the {@code root}
     */
    public Path write(Path root) {
        try {
            for (GeneratedVideo v : train) {
                writeFrames(v.frames(), Files.createDirectories(root.resolve("Train").resolve(v.name())));
            }
            Path testDir = Files.createDirectories(root.resolve("Test"));
            Path tracks = Files.createDirectories(testDir.resolve("tracks"));
            StringBuilder m = new StringBuilder("TestVideoFile = {};\n");
            for (GeneratedVideo v : test) {
                writeFrames(v.frames(), Files.createDirectories(testDir.resolve(v.name())));
                writeMasks(v, Files.createDirectories(testDir.resolve(v.name() + "_gt")));
                m.append("TestVideoFile{end+1}.gt_frame = [").append(ranges(v.labels())).append("];\n");
                Files.writeString(tracks.resolve(v.name() + ".txt"), trackLines(v.tracks()));
            }
            Files.writeString(testDir.resolve("UCSDped2.m"), m.toString());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated dataset to " + root, e);
        }
    }

    private static void writeFrames(List<Frame> frames, Path dir) {
        for (Frame f : frames) {
            try (Mat mat = f.toMat()) {
                write(dir.resolve(fileName(f.index())), mat);
            }
        }
    }

    private static void writeMasks(GeneratedVideo v, Path dir) {
        int w = v.frames().get(0).width();
        int h = v.frames().get(0).height();
        for (int f = 0; f < v.frames().size(); f++) {
            byte[] mask = v.mask(f);
            for (int i = 0; i < mask.length; i++) {
                mask[i] = mask[i] != 0 ? (byte) 255 : 0;
            }
            try (Mat mat = new Mat(h, w, opencv_core.CV_8UC1)) {
                mat.data().put(mask);
                write(dir.resolve(fileName(f)), mat);
            }
        }
    }

    private static void write(Path file, Mat mat) {
        if (!opencv_imgcodecs.imwrite(file.toString(), mat)) {
            throw new InvalidInputException(file + ": OpenCV could not write the image");
        }
    }

    private static String fileName(int index) {
        return String.format(Locale.ROOT, "%03d.png", index + 1);
    }

    /** MATLAB ranges of the 1-labels, 1-based inclusive: "5:20, 40:41"; "" when none. */
    static String ranges(int[] labels) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= labels.length; i++) {
            boolean on = i < labels.length && labels[i] == 1;
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                parts.add((start + 1) + ":" + i);
                start = -1;
            }
        }
        return String.join(", ", parts);
    }

    private static String trackLines(List<AnomalyTrack> tracks) {
        StringBuilder sb = new StringBuilder();
        for (AnomalyTrack t : tracks) {
            for (Map.Entry<Integer, Box> e : t.boxes().entrySet()) {
                Box b = e.getValue();
                sb.append(t.id()).append(',').append(e.getKey()).append(',').append(b.xMin()).append(',').append(b.yMin())
                        .append(',').append(b.inclusiveXMax()).append(',').append(b.inclusiveYMax()).append('\n');
            }
        }
        return sb.toString();
    }
}
