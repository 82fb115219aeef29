package io.github.aed.spark;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A model file on its way to the executors: the driver hands it to Spark's file distribution once
 * ({@link JavaSparkContext#addFile}); each executor fetches it once and finds it by name ({@link SparkFiles#get}).
 * The SHA-256 of its bytes identifies the model, so an executor never scores with another file of the same name.
 *
 * @param fileName the file's name, as {@link SparkFiles#get} knows it
 * @param sha256   the hex SHA-256 of its bytes
 */
record ModelShipment(String fileName, String sha256) implements Serializable {

    ModelShipment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Ships {@code model} to the executors of {@code sc}. */
    static ModelShipment ship(JavaSparkContext sc, Path model) {
        if (!Files.isRegularFile(model)) {
            throw new InvalidInputException(model + ": no such model file");
        }
        ModelShipment m = new ModelShipment(model.getFileName().toString(), sha256(model));
        sc.addFile(model.toAbsolutePath().toString());
        return m;
    }

    /** This executor's copy of the file, checked against the driver's hash. */
    Path localFile() {
        Path local = Path.of(SparkFiles.get(fileName));
        String got = sha256(local);
        if (!got.equals(sha256)) {
            throw new IllegalStateException(local + ": the model file this executor received has SHA-256 " + got
                    + ", the driver shipped " + sha256 + " (two different model files named " + fileName + " in one application?)");
        }
        return local;
    }

    /** The hex SHA-256 of a file's bytes. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
