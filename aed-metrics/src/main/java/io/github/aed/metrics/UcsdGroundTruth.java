package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.ImageFiles;
import io.github.aed.core.files.NaturalOrder;
import io.github.aed.core.geometry.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ground truth of UCSD Ped1 or Ped2 from the dataset's folder, in its usual layout:
 * <pre>
 * ROOT/Test/UCSDped2.m            frame-level ground truth: TestVideoFile{end+1}.gt_frame = [61:180]; one line per video
 * ROOT/Test/Test001/ …            the test videos' frames (tif, jpg, png or bmp), one folder per video
 * ROOT/Test/Test001_gt/ …         optional pixel masks (bmp, png or tif), one per frame, non-zero = anomalous
 * </pre>
 * The {@code .m} file's entries are 1-based inclusive frame ranges ({@code [a:b]}, several separated by commas), matched
 * to the test video folders by position in natural name order. Each video's frame count is the number of images in its
 * folder. Masks are matched to frames by sorted position (their names differ between folders: {@code 001.png} and
 * {@code frame001.png}); a mask folder must hold exactly as many images as its video, each of the size of the video's
 * frames. Masks are decoded with {@code javax.imageio}; frames are only counted, and the first one's size is read from
 * its header (when {@code javax.imageio} reads the format; else the masks must agree with the first mask): reading
 * needs no native library. Ranges of the {@code .m} file must lie within their clip.
 *
 * <p>Tracks: when every video with an abnormal frame has a mask folder, tracks are {@link MaskTracks derived} from
 * the masks; otherwise the ground truth has no tracks and says which videos lack masks.
 */
public final class UcsdGroundTruth {

    private static final Logger LOG = LoggerFactory.getLogger(UcsdGroundTruth.class);
    private static final Pattern ENTRY = Pattern.compile("gt_frame\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*(?::\\s*(\\d+))?");

    private UcsdGroundTruth() {
    }

    /**
     * Reads frame labels from the {@code .m} file and derives tracks from the pixel masks.
     *
     * @param root the dataset folder that holds {@code Test/} (e.g. {@code ../shared/data/ucsd-ped2})
     * @throws InvalidInputException if the layout is not as described, or the .m file disagrees with the folders
     */
    public static GroundTruth read(Path root) {
        Path test = root.resolve("Test");
        if (!Files.isDirectory(test)) {
            throw new InvalidInputException(root + ": expected a UCSD Ped1/Ped2 folder holding Test/ (with UCSDped?.m and TestNNN/)");
        }
        Path mFile = single(test);
        List<List<int[]>> entries = parseEntries(mFile);
        List<Path> clips = clipFolders(test);
        if (clips.size() != entries.size()) {
            throw new InvalidInputException(mFile + " has " + entries.size() + " gt_frame entries but " + test + " holds "
                    + clips.size() + " test video folders");
        }
        List<VideoLabels> videos = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            Path clip = clips.get(i);
            String name = clip.getFileName().toString();
            int frames = ImageFiles.in(clip).size();
            boolean[] abnormal = new boolean[frames];
            for (int[] r : entries.get(i)) {
                if (r[0] < 1 || r[1] < r[0] || r[1] > frames) {
                    throw new InvalidInputException(mFile + " entry " + (i + 1) + " (" + name + "): range " + r[0] + ":"
                            + r[1] + " does not fit the video's " + frames + " frames (ranges are 1-based, inclusive)");
                }
                for (int f = r[0] - 1; f < r[1]; f++) {
                    abnormal[f] = true;
                }
            }
            videos.add(new VideoLabels(name, abnormal));
        }
        String dataset = "UCSD " + baseName(mFile).replace("UCSDped", "Ped");
        GroundTruth gt = GroundTruth.of(dataset, mFile + " (1-based inclusive frame ranges)", videos);
        return withMaskTracks(gt, test);
    }

    private static GroundTruth withMaskTracks(GroundTruth gt, Path test) {
        List<String> missing = new ArrayList<>();
        for (VideoLabels v : gt.videos()) {
            if (v.abnormalCount() > 0 && !Files.isDirectory(test.resolve(v.video() + ImageFiles.MASK_FOLDER_SUFFIX))) {
                missing.add(v.video());
            }
        }
        if (!missing.isEmpty()) {
            return gt.withoutTracks("no pixel-mask folder (TestNNN_gt) for " + String.join(", ", missing));
        }
        MaskTracks tracks = new MaskTracks();
        int disagreements = 0;
        for (VideoLabels v : gt.videos()) {
            Path masks = test.resolve(v.video() + ImageFiles.MASK_FOLDER_SUFFIX);
            if (!Files.isDirectory(masks)) {
                continue;
            }
            List<Path> files = ImageFiles.in(masks);
            if (files.size() != v.frameCount()) {
                throw new InvalidInputException(masks + " holds " + files.size() + " masks but " + v.video() + " has "
                        + v.frameCount() + " frames; masks are matched to frames by position");
            }
            Path firstFrame = ImageFiles.in(test.resolve(v.video())).get(0);
            int[] size = MaskImage.dimensions(firstFrame).orElse(null);
            Path sizeOf = firstFrame;
            for (int frame = 0; frame < files.size(); frame++) {
                MaskImage mask = MaskImage.read(files.get(frame));
                if (size == null) {
                    size = new int[] {mask.width(), mask.height()};
                    sizeOf = files.get(frame);
                } else if (mask.width() != size[0] || mask.height() != size[1]) {
                    throw new InvalidInputException(files.get(frame) + ": the mask is " + mask.width() + "x" + mask.height()
                            + " but " + sizeOf + " is " + size[0] + "x" + size[1] + "; masks must have the frames' size");
                }
                List<Box> boxes = mask.components();
                tracks.add(v.video(), frame, boxes);
                if (boxes.isEmpty() == v.isAbnormal(frame)) {
                    disagreements++;
                }
            }
        }
        if (disagreements > 0) {
            LOG.warn("{}: {} frames where 'mask is non-empty' disagrees with the .m frame labels; the .m labels are used",
                    gt.dataset(), disagreements);
        }
        return gt.withTracks(tracks.build(), MaskTracks.DESCRIPTION + ", from " + test + "/TestNNN_gt");
    }

    /** The test videos' frame folders (not the _gt mask folders), in natural order of their names. */
    private static List<Path> clipFolders(Path test) {
        try (Stream<Path> s = Files.list(test)) {
            List<Path> clips = s.filter(ImageFiles::isFrameFolder).sorted(NaturalOrder.PATHS).toList();
            if (clips.isEmpty()) {
                throw new InvalidInputException(test + ": holds no test video folder of frame images (TestNNN/)");
            }
            return clips;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + test, e);
        }
    }

    /** Each entry's list of 1-based inclusive [first, last] ranges, in file order. */
    static List<List<int[]>> parseEntries(Path mFile) {
        String text;
        try {
            text = Files.readString(mFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mFile, e);
        }
        List<List<int[]>> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            List<int[]> ranges = new ArrayList<>();
            for (String part : m.group(1).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Matcher r = RANGE.matcher(part.strip());
                if (!r.matches()) {
                    throw new InvalidInputException(mFile + " entry " + (entries.size() + 1) + ": cannot read the frame range '"
                            + part.strip() + "' (expected a:b or a single frame)");
                }
                int a = Integer.parseInt(r.group(1));
                ranges.add(new int[] {a, r.group(2) == null ? a : Integer.parseInt(r.group(2))});
            }
            entries.add(ranges);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(mFile + ": no 'gt_frame = [...]' entries found");
        }
        return entries;
    }

    private static Path single(Path test) {
        try (Stream<Path> s = Files.list(test)) {
            List<Path> m = s.filter(p -> p.getFileName().toString().matches("(?i)UCSDped\\d*\\.m")).sorted().toList();
            if (m.size() != 1) {
                throw new InvalidInputException(test + ": expected exactly one UCSDped?.m frame-level ground-truth file, found "
                        + m.size());
            }
            return m.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + test, e);
        }
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }
}
