package io.github.aed.detect.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The graph runtime on tiny hand-written models: arithmetic, the NCHW convolution rewrite, and every load error. */
class TfjsGraphModelTest {

    @TempDir
    Path dir;

    /** NHWC input [1, 2, 3, 1] -> 1x1 convolution (weight 2) with bias 1 and ReLU (fused) -> output. */
    private static final String FUSED = """
            {"format": "graph-model",
             "modelTopology": {"node": [
               {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}}},
               {"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}},
               {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}},
               {"name": "conv", "op": "%s", "input": ["x", "w", "b"], "attr": {
                 "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "VkFMSUQ="},
                 "data_format": {"s": "TkhXQw=="}, "num_args": {"i": "1"},
                 "fused_ops": {"list": {"s": ["Qmlhc0FkZA==", "UmVsdQ=="]}}}},
               {"name": "y", "op": "Identity", "input": ["conv"]}]},
             "weightsManifest": [{"paths": ["w.bin"], "weights": [
               {"name": "w", "shape": [1, 1, 1, 1], "dtype": "float32"},
               {"name": "b", "shape": [1], "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}}]}],
             "signature": {"inputs": {"x:0": {"name": "x:0", "dtype": "DT_FLOAT",
                              "tensorShape": {"dim": [{"size": "1"}, {"size": "2"}, {"size": "3"}, {"size": "1"}]}}},
                           "outputs": {"y:0": {"name": "y:0"}}}}
            """;

    private Path write(String json, byte[] weights) throws IOException {
        Files.writeString(dir.resolve("model.json"), json, StandardCharsets.UTF_8);
        if (weights != null) {
            Files.write(dir.resolve("w.bin"), weights);
        }
        return dir.resolve("model.json");
    }

    /** Weight 2.0 as float32, bias 1.0 as float16 (0x3C00). */
    private static byte[] fusedWeights() {
        return ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putFloat(2f).putShort((short) 0x3C00).array();
    }

    @Test
    void fusedConvolutionComputesReluOfScaledInputPlusBias() throws IOException {
        TfjsGraphModel model = TfjsGraphModel.load(write(FUSED.formatted("_FusedConv2D"), fusedWeights()));
        INDArray x = Nd4j.createFromArray(new float[] {-3, -1, 0, 1, 2, 5}).reshape(1, 2, 3, 1);
        INDArray y = model.run(Map.of("x", x)).get("y");
        assertArrayEquals(new float[] {0, 0, 1, 3, 5, 11}, y.data().asFloat(), 1e-6f);
        assertEquals(java.util.List.of("y"), model.outputNames());
    }

    @Test
    void unknownOperationIsNamedWithItsNode() throws IOException {
        Path model = write(FUSED.formatted("FancyConv"), fusedWeights());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TfjsGraphModel.load(model));
        assertTrue(e.getMessage().contains("'conv'") && e.getMessage().contains("FancyConv"), e.getMessage());
    }

    @Test
    void missingWeightFileIsNamed() throws IOException {
        Path model = write(FUSED.formatted("_FusedConv2D"), null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TfjsGraphModel.load(model));
        assertTrue(e.getMessage().contains("w.bin"), e.getMessage());
    }

    @Test
    void truncatedAndOverlongWeightFilesAreRejected() throws IOException {
        Path shortFile = write(FUSED.formatted("_FusedConv2D"), new byte[5]);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TfjsGraphModel.load(shortFile));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("truncated"), e.getMessage());
        Path longFile = write(FUSED.formatted("_FusedConv2D"), new byte[10]);
        e = assertThrows(InvalidInputException.class, () -> TfjsGraphModel.load(longFile));
        assertTrue(e.getMessage().contains("4 bytes more"), e.getMessage());
    }

    @Test
    void unsupportedFusedActivationIsRejectedAtLoad() throws IOException {
        String prelu = FUSED.formatted("_FusedConv2D").replace("UmVsdQ==", "UHJlbHU=");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TfjsGraphModel.load(write(prelu, fusedWeights())));
        assertTrue(e.getMessage().contains("Prelu"), e.getMessage());
    }

    @Test
    void inputOfTheWrongShapeIsNamed() throws IOException {
        TfjsGraphModel model = TfjsGraphModel.load(write(FUSED.formatted("_FusedConv2D"), fusedWeights()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.run(Map.of("x", Nd4j.zeros(DataType.FLOAT, 1, 3, 2, 1))));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("[1, 3, 2, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.run(Map.of()));
    }

    @Test
    void layersModelIsNotAGraphModel() throws IOException {
        Path model = write("{\"format\": \"layers-model\"}", null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TfjsGraphModel.load(model));
        assertTrue(e.getMessage().contains("graph-model"), e.getMessage());
    }

    /**
     * The channels-first pattern of ONNX-converted graphs, NCHW input -> Pad -> Transpose -> Conv2D -> Add bias ->
     * Transpose -> LeakyRelu, is fused into one node; the result must equal a direct computation.
     */
    @Test
    void channelsFirstConvolutionChainEqualsDirectComputation() throws IOException {
        String json = """
                {"format": "graph-model",
                 "modelTopology": {"node": [
                   {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}}},
                   {"name": "pads", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"}}},
                   {"name": "toNhwc", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"}}},
                   {"name": "toNchw", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"}}},
                   {"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}},
                   {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}},
                   {"name": "pad", "op": "Pad", "input": ["x", "pads"]},
                   {"name": "t1", "op": "Transpose", "input": ["pad", "toNhwc"]},
                   {"name": "conv", "op": "Conv2D", "input": ["t1", "w"], "attr": {
                     "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "VkFMSUQ="},
                     "data_format": {"s": "TkhXQw=="}}},
                   {"name": "add", "op": "Add", "input": ["conv", "b"]},
                   {"name": "t2", "op": "Transpose", "input": ["add", "toNchw"]},
                   {"name": "y", "op": "LeakyRelu", "input": ["t2"], "attr": {"alpha": {"f": 0.1}}}]},
                 "weightsManifest": [{"paths": ["w.bin"], "weights": [
                   {"name": "pads", "shape": [4, 2], "dtype": "int32"},
                   {"name": "toNhwc", "shape": [4], "dtype": "int32"},
                   {"name": "toNchw", "shape": [4], "dtype": "int32"},
                   {"name": "w", "shape": [3, 3, 2, 3], "dtype": "float32"},
                   {"name": "b", "shape": [3], "dtype": "float32"}]}],
                 "signature": {"inputs": {"x:0": {"name": "x:0", "dtype": "DT_FLOAT",
                                  "tensorShape": {"dim": [{"size": "1"}, {"size": "2"}, {"size": "4"}, {"size": "5"}]}}},
                               "outputs": {"y:0": {"name": "y:0"}}}}
                """;
        INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, 2, 3).subi(0.5);
        float[] bias = {0.3f, -0.2f, 0.1f};
        ByteBuffer bytes = ByteBuffer.allocate(4 * (8 + 4 + 4 + 54 + 3)).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 2, 3, 1, 0, 3, 1, 2}) {
            bytes.putInt(v);
        }
        for (float v : w.data().asFloat()) {
            bytes.putFloat(v);
        }
        for (float v : bias) {
            bytes.putFloat(v);
        }
        TfjsGraphModel model = TfjsGraphModel.load(write(json, bytes.array()));
        assertTrue(model.describe().contains("1 run per call"), model.describe());
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, 4, 5).subi(0.5);
        INDArray y = model.run(Map.of("x", x)).get("y");

        assertArrayEquals(new long[] {1, 3, 4, 5}, y.shape());
        for (int o = 0; o < 3; o++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    double sum = bias[o];
                    for (int i = 0; i < 2; i++) {
                        for (int dr = -1; dr <= 1; dr++) {
                            for (int dc = -1; dc <= 1; dc++) {
                                if (r + dr >= 0 && r + dr < 4 && c + dc >= 0 && c + dc < 5) {
                                    sum += x.getDouble(0, i, r + dr, c + dc) * w.getDouble(dr + 1, dc + 1, i, o);
                                }
                            }
                        }
                    }
                    double expected = sum > 0 ? sum : 0.1 * sum;
                    assertEquals(expected, y.getDouble(0, o, r, c), 1e-5, "output " + o + " at " + r + "," + c);
                }
            }
        }
    }
}
