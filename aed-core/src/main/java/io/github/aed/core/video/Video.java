package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.ImageFiles;
import io.github.aed.core.files.NaturalOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A video that can be read more than once: a file, a folder of frame images, or frames in memory. Training reads its
 * videos several times; scoring reads each once. {@link #open()} starts a new pass.
 */
public interface Video {

    /** Suffix of the UCSD-style folders of pixel masks that sit beside the clips ({@code Test001_gt}). */
    String MASK_FOLDER_SUFFIX = ImageFiles.MASK_FOLDER_SUFFIX;

    /** The video's name as datasets spell it: the file name without extension, or the folder's name. */
    String name();

    /** A new pass over the frames, from frame 0. The caller closes it. */
    FrameSource open();

    /**
     * A video file. MJPG-in-AVI is decoded by OpenCV; everything else (mp4/H.264, XVID, …) by FFmpeg through JavaCV.
     * The file is checked when the video is opened. A damaged file (fewer frames decoded than its container declares, a
     * decoder error, an unreadable AVI header) fails the read ({@link DamagedVideoPolicy#FAIL}).
     */
    static Video file(Path path) {
        return file(path, DamagedVideoPolicy.FAIL);
    }

    /** A video file, read with the given policy for damaged files (see {@link #file(Path)}). */
    static Video file(Path path, DamagedVideoPolicy damaged) {
        Objects.requireNonNull(damaged, "damaged");
        return new Video() {
            @Override
            public String name() {
                return VideoFileSource.baseName(path);
            }

            @Override
            public FrameSource open() {
                return VideoFileSource.open(path, damaged);
            }

            @Override
            public String toString() {
                return "video file " + path;
            }
        };
    }

    /**
     * A folder of frame images (jpg, jpeg, png, tif, tiff, bmp) in natural numeric order of their names
     * ({@code 2.jpg} before {@code 10.jpg}). Other files are ignored.
     */
    static Video imageFolder(Path folder) {
        return new Video() {
            @Override
            public String name() {
                return folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            }

            @Override
            public FrameSource open() {
                return ImageFolderSource.open(folder);
            }

            @Override
            public String toString() {
                return "image folder " + folder;
            }
        };
    }

    /** Frames held in memory; they must have consecutive indices from 0 and one size. */
    static Video of(String name, List<Frame> frames) {
        List<Frame> copy = List.copyOf(frames);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).index() != i) {
                throw new InvalidInputException(name + ": frame at position " + i + " has index " + copy.get(i).index()
                        + "; in-memory videos need indices 0, 1, 2, …");
            }
        }
        return new Video() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FrameSource open() {
                return new InMemoryFrameSource(name, copy);
            }

            @Override
            public String toString() {
                return "in-memory video " + name + " (" + copy.size() + " frames)";
            }
        };
    }

    /** A folder of images or a video file, whichever {@code path} is; a damaged video file fails its read. */
    static Video at(Path path) {
        return at(path, DamagedVideoPolicy.FAIL);
    }

    /** A folder of images or a video file, whichever {@code path} is, with the given policy for damaged video files. */
    static Video at(Path path, DamagedVideoPolicy damaged) {
        if (Files.isDirectory(path)) {
            return imageFolder(path);
        }
        if (Files.isRegularFile(path)) {
            return file(path, damaged);
        }
        throw new InvalidInputException(path + ": no such video file or frame folder");
    }

    /**
     * The clips of a dataset split: every video file and every sub-folder that holds frame images, in natural order of
     * their names. {@code ../shared/data/ucsd-ped2/Train} gives Train001 … Train016. Sub-folders whose name ends in
     * {@code _gt} hold pixel masks in the UCSD layout ({@code Test001_gt}) and are not clips; nor are sub-folders that
     * hold files but no image (such as a folder of track files). A damaged video file fails its read.
     *
     * @throws InvalidInputException if the folder does not exist or holds no clip, or if a sub-folder is empty (an
     *                               empty clip, named in the message)
     */
    static List<Video> clipsIn(Path folder) {
        return clipsIn(folder, DamagedVideoPolicy.FAIL);
    }

    /** The clips of a dataset split (see {@link #clipsIn(Path)}), with the given policy for damaged video files. */
    static List<Video> clipsIn(Path folder, DamagedVideoPolicy damaged) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": not a folder of clips");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Video> clips = entries
                    .filter(p -> Files.isDirectory(p) ? isClipFolder(p) : VideoFileSource.isVideoFile(p))
                    .sorted(NaturalOrder.PATHS)
                    .map(p -> Files.isDirectory(p) ? imageFolder(p) : file(p, damaged))
                    .toList();
            if (clips.isEmpty()) {
                throw new InvalidInputException(folder + ": holds no video file and no folder of frame images");
            }
            return clips;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Whether a sub-folder of a split is a clip; an empty one is an error, as a clip whose frames are missing. */
    private static boolean isClipFolder(Path p) {
        if (ImageFiles.isFrameFolder(p)) {
            return true;
        }
        if (p.getFileName().toString().endsWith(ImageFiles.MASK_FOLDER_SUFFIX)) {
            return false;
        }
        try (Stream<Path> inside = Files.list(p)) {
            if (inside.findAny().isEmpty()) {
                throw new InvalidInputException(p + ": an empty clip (a folder of the split without frame images); remove it "
                        + "or restore its frames");
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p, e);
        }
    }
}
