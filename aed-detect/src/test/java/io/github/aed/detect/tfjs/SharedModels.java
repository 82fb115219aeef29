package io.github.aed.detect.tfjs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;

/**
 * The pretrained COCO detectors beside the repository ({@code ../shared/models/coco-tfjs}, found from the system
 * property {@code aed.shared.data}); tests that need them skip when they are absent, as they are on a user's machine.
 */
public final class SharedModels {

    private SharedModels() {
    }

    /** The coco-tfjs folder, or a skipped test when it is absent. */
    public static Path cocoTfjs() {
        String data = System.getProperty("aed.shared.data");
        assumeTrue(data != null, "system property aed.shared.data is not set; shared model tests skipped");
        Path folder = Path.of(data).resolveSibling("models").resolve("coco-tfjs");
        assumeTrue(Files.isDirectory(folder), folder + " is absent; shared model tests skipped");
        return folder;
    }

    /** A float32 .npy file as an ND4J array of its shape. */
    public static INDArray npy(Path file) {
        NpyArray<?> a = Npy.read(file.toFile());
        long[] shape = java.util.Arrays.stream(a.shape()).asLongStream().toArray();
        return Nd4j.createFromArray(a.asFloatArray().data()).reshape('c', shape);
    }
}
