package io.github.aed.spark;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.ImageFiles;
import io.github.aed.core.video.Video;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The videos a job scores, listed on the driver: {@code --input} paths as {@code ./aed score} reads them (a video file,
 * a frame folder, or a folder of clips in {@link Video#clipsIn} order), and {@code --list} files of paths.
 */
final class InputList {

    private InputList() {
    }

    /**
     * The videos at {@code input}: itself when it is a video file or a frame folder, else the clips in it.
     *
     * @throws InvalidInputException if it does not exist, or is a folder with neither frames nor clips
     */
    static List<Path> expand(Path input) {
        if (!Files.exists(input)) {
            throw new InvalidInputException(input + ": no such video file, frame folder or folder of clips");
        }
        if (!Files.isDirectory(input) || ImageFiles.hasImages(input)) {
            return List.of(input);
        }
        List<Video> clips = Video.clipsIn(input);
        Map<String, List<Path>> byName = new HashMap<>();
        try (Stream<Path> entries = Files.list(input)) {
            entries.forEach(p -> byName.computeIfAbsent(VideoTask.of(0, p).video(), n -> new ArrayList<>()).add(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
        List<Path> paths = new ArrayList<>();
        for (Video clip : clips) {
            List<Path> named = byName.getOrDefault(clip.name(), List.of()).stream()
                    .filter(p -> Files.isDirectory(p) ? ImageFiles.isFrameFolder(p) : Files.isRegularFile(p))
                    .toList();
            if (named.size() != 1) {
                throw new InvalidInputException(input + ": " + named.size() + " entries are named " + clip.name() + " " + named
                        + "; the score files need one video per name");
            }
            paths.add(named.get(0));
        }
        return paths;
    }

    /**
     * The paths of a list file: one video file or frame folder per line, relative ones against the list's folder;
     * blank lines and lines starting with {@code #} are skipped. The paths are not checked here: the executors read
     * them, and a path they cannot read is a failed video, not a failed job.
     *
     * @throws InvalidInputException if the list cannot be read or names no video
     */
    static List<Path> read(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new InvalidInputException(list + ": cannot read the list of videos (" + e.getMessage() + ")", e);
        }
        Path base = list.toAbsolutePath().getParent();
        List<Path> paths = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                paths.add(base.resolve(s));
            }
        }
        if (paths.isEmpty()) {
            throw new InvalidInputException(list + ": names no video (one path per line; # starts a comment)");
        }
        return paths;
    }
}
