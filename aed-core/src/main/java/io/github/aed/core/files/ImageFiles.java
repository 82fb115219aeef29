package io.github.aed.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of a folder as datasets lay them out: frames of a clip ({@code Test001/001.jpg}, …) or pixel masks
 * ({@code Test001_gt/001.png}, …), recognised by extension and listed in {@link NaturalOrder natural order} of their
 * names. Only lists files, decodes nothing, so it needs no native library.
 */
public final class ImageFiles {

    /** The extensions taken as images, lower case, without the dot: jpg, jpeg, png, tif, tiff, bmp. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp");

    /** Suffix of the UCSD-style folders of pixel masks that sit beside the clips ({@code Test001_gt}). */
    public static final String MASK_FOLDER_SUFFIX = "_gt";

    private ImageFiles() {
    }

    /**
     * The regular files of a folder whose extension is one of {@link #EXTENSIONS} (any case), in natural order of
     * their names; other files are ignored. Empty when there is none.
     *
     * @throws UncheckedIOException if the folder cannot be listed
     */
    public static List<Path> in(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted(NaturalOrder.PATHS).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Whether the folder holds at least one image file. */
    public static boolean hasImages(Path folder) {
        return !in(folder).isEmpty();
    }

    /** Whether a folder is a clip's frame folder: a folder that holds images and is not a mask folder. */
    public static boolean isFrameFolder(Path folder) {
        return Files.isDirectory(folder) && !folder.getFileName().toString().endsWith(MASK_FOLDER_SUFFIX) && hasImages(folder);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
