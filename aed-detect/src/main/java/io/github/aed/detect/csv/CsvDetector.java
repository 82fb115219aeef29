package io.github.aed.detect.csv;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.ObjectDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detections made by any external tool, read from detection CSV files ({@link DetectionCsv}) instead of computed.
 *
 * <p>Either one file, used for whatever video is processed, or a folder holding one file per video named after the
 * video ({@code Test001.csv} for the frames of {@code Test001}, i.e. {@link Frame#source()} + ".csv"); a folder's files
 * are read when their video's first frame arrives. A box that does not fit inside the frame it is given for throws
 * {@link InvalidInputException}. Frames without a line get no detections. Stateless between frames; not thread-safe
 * (files are cached).
 */
public final class CsvDetector implements ObjectDetector {

    private final Path path;
    private final boolean folder;
    private final Map<String, Map<Integer, List<Detection>>> byVideo = new HashMap<>();

    private CsvDetector(Path path, boolean folder) {
        this.path = path;
        this.folder = folder;
    }

    /** Detections from one CSV file, read now. */
    public static CsvDetector fromFile(Path file) {
        CsvDetector d = new CsvDetector(file, false);
        d.byVideo.put("", index(DetectionCsv.read(file)));
        return d;
    }

    /** Detections from a folder of per-video CSV files, read as videos come. */
    public static CsvDetector fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": no such folder of detection CSV files");
        }
        return new CsvDetector(folder, true);
    }

    /** {@link #fromFolder} for a folder, {@link #fromFile} otherwise. */
    public static CsvDetector at(Path path) {
        return Files.isDirectory(path) ? fromFolder(path) : fromFile(path);
    }

    private static Map<Integer, List<Detection>> index(List<Detection> all) {
        Map<Integer, List<Detection>> m = new HashMap<>();
        for (Detection d : all) {
            m.computeIfAbsent(d.frameIndex(), k -> new ArrayList<>()).add(d);
        }
        return m;
    }

    @Override
    public List<Detection> detect(Frame frame) {
        String key = folder ? frame.source() : "";
        Map<Integer, List<Detection>> video = byVideo.computeIfAbsent(key, k -> index(DetectionCsv.read(fileFor(k))));
        List<Detection> ds = video.getOrDefault(frame.index(), List.of());
        for (Detection d : ds) {
            if (!d.box().isInside(frame.width(), frame.height())) {
                throw new InvalidInputException(fileFor(key) + ": frame " + frame.index() + " box " + d.box()
                        + " (inclusive x " + d.box().xMin() + ".." + d.box().inclusiveXMax() + ", y " + d.box().yMin()
                        + ".." + d.box().inclusiveYMax() + ") is outside the " + frame.width() + "x" + frame.height()
                        + " frame of " + frame.source());
            }
        }
        return List.copyOf(ds);
    }

    private Path fileFor(String video) {
        return folder ? path.resolve(video + ".csv") : path;
    }

    /** {@code csv:PATH} with the absolute path; empty when the path holds a plus sign, which the spec syntax splits at. */
    @Override
    public Optional<String> spec() {
        String p = path.toAbsolutePath().toString();
        return p.contains("+") ? Optional.empty() : Optional.of("csv:" + p);
    }

    @Override
    public String describe() {
        return "csv[" + (folder ? "folder " + path + " (one <video>.csv per video)" : "file " + path) + "]";
    }

    @Override
    public String toString() {
        return describe();
    }
}
