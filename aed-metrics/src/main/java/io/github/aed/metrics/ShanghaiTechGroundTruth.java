package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the ground truth of ShanghaiTech Campus from the dataset's folder, in its usual layout:
 * <pre>
 * ROOT/test_frame_mask/01_0014.npy    frame labels: a 0/1 vector, one entry per frame, index 0 = first frame
 * ROOT/tracks_aed/01_0014.txt          optional: AED anomaly tracks (Georgescu et al., TPAMI 2021), one file per video
 * ROOT/test_pixel_mask/01_0014.npy     optional: pixel masks, a (frames, height, width) 0/1 array per video
 * </pre>
 * Videos are the {@code .npy} files of {@code test_frame_mask}, named by their file names without extension, in name
 * order. Tracks: the AED track files when {@code tracks_aed/} exists (the tracks published RBDC/TBDC numbers use);
 * otherwise tracks {@link MaskTracks derived} from {@code test_pixel_mask/} when it exists; otherwise none.
 */
public final class ShanghaiTechGroundTruth {

    private ShanghaiTechGroundTruth() {
    }

    /**
     * Reads labels and tracks as described in the class comment.
     *
     * @param root the dataset folder that holds {@code test_frame_mask/} (e.g. {@code ../shared/data/shanghaitech-gt})
     */
    public static GroundTruth read(Path root) {
        Path labels = root.resolve("test_frame_mask");
        if (!Files.isDirectory(labels)) {
            throw new InvalidInputException(root + ": expected a ShanghaiTech folder holding test_frame_mask/*.npy");
        }
        List<VideoLabels> videos = new ArrayList<>();
        for (Path npy : npyFiles(labels)) {
            String name = npy.getFileName().toString();
            videos.add(new VideoLabels(name.substring(0, name.length() - 4), NpyFiles.binaryVector(npy)));
        }
        if (videos.isEmpty()) {
            throw new InvalidInputException(labels + ": holds no .npy label files");
        }
        GroundTruth gt = GroundTruth.of("ShanghaiTech Campus", labels + "/*.npy", videos);
        Path aed = root.resolve("tracks_aed");
        if (Files.isDirectory(aed)) {
            return AedTrackFiles.attach(aed, gt);
        }
        Path masks = root.resolve("test_pixel_mask");
        if (Files.isDirectory(masks)) {
            return withMaskTracks(gt, masks);
        }
        return gt.withoutTracks("neither tracks_aed/ nor test_pixel_mask/ in " + root);
    }

    private static GroundTruth withMaskTracks(GroundTruth gt, Path folder) {
        MaskTracks tracks = new MaskTracks();
        for (VideoLabels v : gt.videos()) {
            Path npy = folder.resolve(v.video() + ".npy");
            if (!Files.isRegularFile(npy)) {
                if (v.abnormalCount() > 0) {
                    throw new InvalidInputException(npy + ": no pixel masks for " + v.video() + ", which has " + v.abnormalCount()
                            + " abnormal frames");
                }
                continue;
            }
            int frames = NpyFiles.forEachMask(npy, (frame, mask, width, height) ->
                    tracks.add(v.video(), frame, MaskTracks.components(mask, width, height)));
            if (frames != v.frameCount()) {
                throw new InvalidInputException(npy + ": " + frames + " masks but " + v.video() + " has " + v.frameCount() + " frames");
            }
        }
        return gt.withTracks(tracks.build(), MaskTracks.DESCRIPTION + ", from " + folder + "/*.npy");
    }

    private static List<Path> npyFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".npy")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
