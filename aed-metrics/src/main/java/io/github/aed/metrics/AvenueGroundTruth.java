package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5Serializable;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

/**
 * Reads the ground truth of CUHK Avenue from the official {@code ground_truth_demo} package, in its usual layout:
 * <pre>
 * ROOT/testing_label_mask/1_label.mat … 21_label.mat   pixel masks, MATLAB v5: variable volLabel, a 1×frames cell of
 *                                                      uint8 masks (360×640), non-zero = anomalous
 * ROOT/labels/frame_labels_avenue_mnad.npy              only for {@link AvenueLabels#MNAD}: all videos' labels concatenated
 * </pre>
 * Video {@code k} is named as the dataset's video file, zero-padded to two digits ({@code 01} … {@code 21}); its frame
 * count is the number of cells, and every mask must have the size of the first. With {@link AvenueLabels#OFFICIAL_MASKS} a frame is abnormal iff its mask has a non-zero
 * pixel. Tracks are {@link MaskTracks derived} from the masks.
 *
 * <p>The .mat files are read with MFL ({@code us.hebi.matlab.mat:mfl-core}); decompressing the 15,324 masks (3.5 GB
 * uncompressed) dominates the time (about 10 s on two cores), so files are read in parallel on up to four threads,
 * one file per thread.
 */
public final class AvenueGroundTruth {

    private static final Pattern MAT_NAME = Pattern.compile("(\\d+)_label\\.mat");
    private static final String MNAD_FILE = "labels/frame_labels_avenue_mnad.npy";
    /** The MAT v5 data type code of unsigned 8-bit data. */
    private static final int MI_UINT8 = 2;

    private AvenueGroundTruth() {
    }

    /** One video's labels from its masks, and each frame's mask components. */
    private record MaskVideo(String name, boolean[] abnormal, List<List<Box>> components) {
    }

    /**
     * Reads the masks, derives labels (or takes the MNAD labels) and tracks.
     *
     * @param root   the folder that holds {@code testing_label_mask/} (e.g. {@code ../shared/data/cuhk-avenue-gt})
     * @param labels which frame labels to use
     */
    public static GroundTruth read(Path root, AvenueLabels labels) {
        Path folder = root.resolve("testing_label_mask");
        List<Path> files = matFiles(folder);
        List<MaskVideo> videos = readAll(files);
        MaskTracks tracks = new MaskTracks();
        for (MaskVideo v : videos) {
            for (int f = 0; f < v.components().size(); f++) {
                tracks.add(v.name(), f, v.components().get(f));
            }
        }
        List<VideoLabels> frameLabels = new ArrayList<>();
        String labelSource;
        if (labels == AvenueLabels.OFFICIAL_MASKS) {
            videos.forEach(v -> frameLabels.add(new VideoLabels(v.name(), v.abnormal())));
            labelSource = "official pixel masks " + folder + "/*_label.mat (frame abnormal iff its mask is non-empty)";
        } else {
            Path npy = root.resolve(MNAD_FILE);
            boolean[] all = NpyFiles.binaryVector(npy);
            long total = videos.stream().mapToLong(v -> v.abnormal().length).sum();
            if (all.length != total) {
                throw new InvalidInputException(npy + ": " + all.length + " labels, but the masks have " + total + " frames");
            }
            int offset = 0;
            for (MaskVideo v : videos) {
                int n = v.abnormal().length;
                frameLabels.add(new VideoLabels(v.name(), Arrays.copyOfRange(all, offset, offset + n)));
                offset += n;
            }
            labelSource = "MNAD/ano_pred labels " + npy + " (NOT the official-mask labels; AUCs are not comparable)";
        }
        GroundTruth gt = GroundTruth.of("CUHK Avenue", labelSource, frameLabels);
        return gt.withTracks(tracks.build(), MaskTracks.DESCRIPTION + ", from " + folder + "/*_label.mat");
    }

    private static List<MaskVideo> readAll(List<Path> files) {
        int threads = Math.max(1, Math.min(4, Math.min(files.size(), Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "avenue-mask-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<MaskVideo>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> readVideo(f)));
            }
            List<MaskVideo> videos = new ArrayList<>();
            for (Future<MaskVideo> f : futures) {
                videos.add(f.get());
            }
            return videos;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Avenue masks", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static MaskVideo readVideo(Path file) {
        Matcher m = MAT_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a mask file: " + file);
        }
        String name = String.format(Locale.ROOT, "%02d", Integer.parseInt(m.group(1)));
        try (MatFile mat = Mat5.readFromFile(file.toFile())) {
            Cell cell;
            try {
                cell = mat.getCell("volLabel");
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + ": expected a cell variable 'volLabel' (" + e.getMessage() + ")", e);
            }
            int frames = cell.getNumElements();
            boolean[] abnormal = new boolean[frames];
            List<List<Box>> components = new ArrayList<>(frames);
            for (int f = 0; f < frames; f++) {
                Matrix mask = cell.getMatrix(f);
                byte[] columnMajor = bytes(file, f, mask);
                Matrix first = cell.getMatrix(0);
                if (mask.getNumRows() != first.getNumRows() || mask.getNumCols() != first.getNumCols()) {
                    throw new InvalidInputException(file + ": volLabel{" + (f + 1) + "} is " + mask.getNumCols() + "x"
                            + mask.getNumRows() + " but volLabel{1} is " + first.getNumCols() + "x" + first.getNumRows()
                            + "; every mask of a video must have its frames' size");
                }
                abnormal[f] = anyNonZero(columnMajor);
                components.add(abnormal[f] ? components(columnMajor, mask.getNumRows(), mask.getNumCols()) : List.of());
            }
            return new MaskVideo(name, abnormal, components);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read as a MATLAB v5 .mat file: " + e.getMessage(), e);
        }
    }

    /**
     * The mask's bytes in MATLAB's column-major order, taken in bulk: MFL serialises the matrix as a MAT v5 miMATRIX
     * element whose last part is the data element (an 8-byte tag, type miUINT8 and byte count, then the bytes, padded
     * to 8). Reading element by element through {@link Matrix#getByte} instead took three quarters of the time.
     */
    private static byte[] bytes(Path file, int frame, Matrix mask) throws IOException {
        if (mask.getNumDimensions() != 2 || !(mask.getType() == MatlabType.UInt8 || mask.isLogical())
                || !(mask instanceof Mat5Serializable element)) {
            throw new InvalidInputException(file + ": volLabel{" + (frame + 1) + "} is a " + mask.getType() + " array of "
                    + Arrays.toString(mask.getDimensions()) + "; expected a 2-D uint8 mask");
        }
        int size = element.getMat5Size("");
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        try (Sink sink = Sinks.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN)) {
            element.writeMat5("", false, sink);
        }
        int n = mask.getNumElements();
        int start = size - (8 - n % 8) % 8 - n;
        if (n <= 4 || buffer.getInt(start - 8) != MI_UINT8 || buffer.getInt(start - 4) != n) {
            throw new IllegalStateException(file + ": volLabel{" + (frame + 1) + "}: MFL serialised the mask in an"
                    + " unexpected layout; its data element is not the trailing miUINT8 block of " + n + " bytes");
        }
        byte[] b = new byte[n];
        buffer.get(start, b);
        return b;
    }

    private static boolean anyNonZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    /** Components of a column-major rows×cols mask, labelled in row-major order (as the image is seen). */
    private static List<Box> components(byte[] columnMajor, int rows, int cols) {
        byte[] rowMajor = new byte[columnMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                rowMajor[r * cols + c] = columnMajor[c * rows + r];
            }
        }
        return MaskTracks.components(rowMajor, cols, rows);
    }

    private static List<Path> matFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder.getParent() + ": expected a CUHK Avenue folder holding testing_label_mask/*_label.mat");
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(p -> MAT_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(p -> {
                        Matcher m = MAT_NAME.matcher(p.getFileName().toString());
                        m.matches();
                        return Integer.parseInt(m.group(1));
                    })).toList();
            if (files.isEmpty()) {
                throw new InvalidInputException(folder + ": holds no K_label.mat mask files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
