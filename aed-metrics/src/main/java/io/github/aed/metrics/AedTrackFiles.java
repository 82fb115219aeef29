package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ground-truth anomaly tracks in the AED format (https://github.com/lilygeorgescu/AED): a folder with one text
 * file per test video, {@code VIDEO.txt}, each line {@code track_id,frame_idx,x_min,y_min,x_max,y_max} with 0-based
 * frames and <b>inclusive</b> pixel corners. Files whose name is not a test video's are ignored (and listed in the
 * log), e.g. {@code readme.txt}. A test video with abnormal frames must have a file; a video without abnormal frames
 * may lack one. Every distinct {@code track_id} of a file is one track.
 */
public final class AedTrackFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AedTrackFiles.class);

    private AedTrackFiles() {
    }

    /**
     * The tracks of the videos of {@code truth}.
     *
     * @throws InvalidInputException naming the file and line on a malformed line, a frame beyond the video, or corners
     *                               out of order; naming the video when its file is missing
     */
    public static AnomalyTracks read(Path folder, GroundTruth truth) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": no such folder of AED track files");
        }
        AnomalyTracks.Builder tracks = AnomalyTracks.builder();
        for (VideoLabels v : truth.videos()) {
            Path file = folder.resolve(v.video() + ".txt");
            if (!Files.isRegularFile(file)) {
                if (v.abnormalCount() > 0) {
                    throw new InvalidInputException(folder + ": no track file " + file.getFileName() + " for video " + v.video()
                            + ", which has " + v.abnormalCount() + " abnormal frames");
                }
                continue;
            }
            try (CsvFile f = CsvFile.headerless(file, 6)) {
                while (f.next()) {
                    int id = f.integer(0, "track_id");
                    int frame = f.integer(1, "frame_idx");
                    if (id < 0 || frame < 0) {
                        throw f.error("track_id and frame_idx must be >= 0, got " + id + " and " + frame);
                    }
                    if (frame >= v.frameCount()) {
                        throw f.error("frame_idx " + frame + " is beyond the " + v.frameCount() + " frames of " + v.video()
                                + " (frames are 0-based)");
                    }
                    Box box = ScoredRegions.inclusiveBox(f, 2);
                    tracks.add(v.video(), id, frame, box);
                }
            }
        }
        logIgnored(folder, truth);
        return tracks.build();
    }

    /** {@code truth} with the tracks of {@code folder}, and a track source that names the folder. */
    public static GroundTruth attach(Path folder, GroundTruth truth) {
        AnomalyTracks tracks = read(folder, truth);
        return truth.withTracks(tracks, "AED track files in " + folder);
    }

    private static void logIgnored(Path folder, GroundTruth truth) {
        try (Stream<Path> s = Files.list(folder)) {
            List<String> ignored = s.map(p -> p.getFileName().toString())
                    .filter(n -> !(n.endsWith(".txt") && truth.video(n.substring(0, n.length() - 4)).isPresent()))
                    .sorted().toList();
            if (!ignored.isEmpty()) {
                LOG.info("{}: ignored {} files that are not a test video's track file: {}", folder, ignored.size(), ignored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
