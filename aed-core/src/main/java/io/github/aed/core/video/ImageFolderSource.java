package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The frames of a folder of images, in natural numeric order of the file names. Each image is decoded by OpenCV as
 * 3-channel BGR (grey images come out with three equal channels, as in the reference). All images must have the size
 * of the first.
 */
final class ImageFolderSource implements FrameSource {

    private final Path folder;
    private final String name;
    private final List<Path> files;
    private int next;
    private int width = -1;
    private int height = -1;

    private ImageFolderSource(Path folder, List<Path> files) {
        this.folder = folder;
        this.name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        this.files = files;
    }

    static ImageFolderSource open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": no such folder of frame images");
        }
        List<Path> files = ImageFiles.in(folder);
        if (files.isEmpty()) {
            throw new InvalidInputException(folder + ": holds no frame images (expected files ending in " + ImageFiles.EXTENSIONS
                    + ")");
        }
        return new ImageFolderSource(folder, files);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalInt frameCount() {
        return OptionalInt.of(files.size());
    }

    @Override
    public boolean hasNext() {
        return next < files.size();
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException(folder + " has only " + files.size() + " frames");
        }
        Path file = files.get(next);
        Frame frame;
        try (Mat image = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
            if (image == null || image.empty()) {
                throw new InvalidInputException(file + " (frame " + next + " of " + folder + "): cannot be read as an image");
            }
            frame = Frame.fromMat(image, name, next);
        }
        if (width < 0) {
            width = frame.width();
            height = frame.height();
        } else if (frame.width() != width || frame.height() != height) {
            throw new InvalidInputException(file + " (frame " + next + " of " + folder + ") is " + frame.width() + "x"
                    + frame.height() + ", but the folder's first image " + files.get(0).getFileName() + " is "
                    + width + "x" + height + ": all frames of a video must have the same size");
        }
        next++;
        return frame;
    }

    @Override
    public void close() {
        next = files.size();
    }
}
