package io.github.aed.detect.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aed.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.indexer.HalfIndexer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the constant tensors of a TensorFlow.js graph model: the {@code weightsManifest} of {@code model.json} lists
 * groups of weight files ({@code paths}) and, for each group, the tensors stored one after another across those files
 * (name, shape, dtype, optional quantization), little-endian.
 *
 * <p>Supported: float32 and int32 tensors, and float32 tensors quantized to float16, uint8 or uint16 (the latter two
 * affine: {@code min + scale * q}). Every byte of every file must be accounted for.
 */
final class WeightsManifest {

    /** Opens a weight file named by the manifest (a path relative to the model). */
    @FunctionalInterface
    interface WeightFiles {
        InputStream open(String path) throws IOException;
    }

    private WeightsManifest() {
    }

    static Map<String, INDArray> read(String source, JsonNode manifest, WeightFiles files) {
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new InvalidInputException(source + ": 'weightsManifest' is missing or empty");
        }
        Map<String, INDArray> tensors = new HashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer bytes = concatenate(source, group.path("paths"), files);
            for (JsonNode w : group.path("weights")) {
                String name = w.path("name").asText();
                tensors.put(name, tensor(source, w, bytes));
            }
            if (bytes.hasRemaining()) {
                throw new InvalidInputException(source + ": weight files " + group.path("paths") + " hold "
                        + bytes.remaining() + " bytes more than the manifest describes (model and weights from "
                        + "different versions?)");
            }
        }
        return tensors;
    }

    private static ByteBuffer concatenate(String source, JsonNode paths, WeightFiles files) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode p : paths) {
            try (InputStream in = files.open(p.asText())) {
                if (in == null) {
                    throw new InvalidInputException(source + ": weight file '" + p.asText() + "' is missing");
                }
                in.transferTo(all);
            } catch (IOException e) {
                throw new InvalidInputException(source + ": cannot read weight file '" + p.asText() + "' ("
                        + e.getMessage() + ")", e);
            }
        }
        return ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static INDArray tensor(String source, JsonNode w, ByteBuffer bytes) {
        String name = w.path("name").asText();
        long[] shape = new long[w.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = w.path("shape").get(i).asLong();
            count *= shape[i];
        }
        String dtype = w.path("dtype").asText();
        JsonNode q = w.path("quantization");
        String stored = q.isMissingNode() ? dtype : q.path("dtype").asText();
        int width = switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8" -> 1;
            default -> throw new InvalidInputException(source + ": weight '" + name + "' is stored as " + stored
                    + " (supported: float32, int32, float16, uint16, uint8)");
        };
        if (!dtype.equals("float32") && !dtype.equals("int32")) {
            throw new InvalidInputException(source + ": weight '" + name + "' has dtype " + dtype
                    + " (supported: float32, int32)");
        }
        if (bytes.remaining() < count * width) {
            throw new InvalidInputException(source + ": weight files end inside weight '" + name + "' (needs "
                    + count * width + " bytes, " + bytes.remaining() + " left): truncated file or another model's weights");
        }
        int n = Math.toIntExact(count);
        if (dtype.equals("int32")) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = stored.equals("int32") ? bytes.getInt() : (int) dequantized(stored, q, bytes);
            }
            return Nd4j.createFromArray(v).reshape(shape).castTo(DataType.INT);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = stored.equals("float32") ? bytes.getFloat() : (float) dequantized(stored, q, bytes);
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }

    private static double dequantized(String stored, JsonNode q, ByteBuffer bytes) {
        return switch (stored) {
            case "float16" -> HalfIndexer.toFloat(Short.toUnsignedInt(bytes.getShort()));
            case "uint16" -> q.path("min").asDouble() + q.path("scale").asDouble() * Short.toUnsignedInt(bytes.getShort());
            case "uint8" -> q.path("min").asDouble() + q.path("scale").asDouble() * Byte.toUnsignedInt(bytes.get());
            default -> throw new IllegalStateException(stored);
        };
    }
}
