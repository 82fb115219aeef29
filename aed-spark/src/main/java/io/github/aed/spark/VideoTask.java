package io.github.aed.spark;

import io.github.aed.core.video.Video;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One unit of work of the job: a video to score, as the executors will open it.
 *
 * @param index the video's position in the job's list, 0-based; the output tables keep this order
 * @param video the video's name in the output tables ({@link Video#name()}: a file's name without extension, a
 *              frame folder's name)
 * @param path  the video file or frame folder, as a path every executor can read (a local or mounted file system)
 */
record VideoTask(int index, String video, String path) implements Serializable {

    VideoTask {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(path, "path");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    /** The task for {@code path}, named as {@link Video#at} names it (without opening it: it may be absent here). */
    static VideoTask of(int index, Path path) {
        Video v = Files.isDirectory(path) ? Video.imageFolder(path) : Video.file(path);
        return new VideoTask(index, v.name(), path.toString());
    }
}
