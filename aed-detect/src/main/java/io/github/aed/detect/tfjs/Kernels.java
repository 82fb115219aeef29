package io.github.aed.detect.tfjs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DepthwiseConv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.shape.StridedSlice;
import org.nd4j.linalg.api.ops.impl.transforms.Pad;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The TensorFlow operations that {@link TfjsGraphModel} runs, each on ND4J's CPU kernels (oneDNN for convolutions and
 * pooling). Tensors are in TensorFlow's layout (NHWC for images, {@code [kH, kW, in, out]} for filters).
 *
 * <p>Integer tensors are 32-bit, as in TensorFlow.js: {@code DT_INT64} constants are stored as int32 in the weights
 * and int64 casts produce int32, which suffices for shapes and indices.
 */
final class Kernels {

    private static final Set<String> ACTIVATIONS = Set.of("Relu", "Relu6", "LeakyRelu", "Sigmoid", "Elu");

    private static final Map<String, Kernel> BY_OP = Map.ofEntries(
            Map.entry("Identity", (n, in) -> new INDArray[] {in[0]}),
            Map.entry("Conv2D", checked(Kernels::checkConvolution, (n, in) -> one(convolution(n, in[0], in[1], null, false)))),
            Map.entry("DepthwiseConv2dNative", checked(Kernels::checkConvolution,
                    (n, in) -> one(convolution(n, in[0], in[1], null, true)))),
            Map.entry("_FusedConv2D", checked(Kernels::checkFused, (n, in) -> one(fused(n, in, false)))),
            Map.entry("FusedDepthwiseConv2dNative", checked(Kernels::checkFused, (n, in) -> one(fused(n, in, true)))),
            Map.entry("MaxPool", checked(Kernels::checkConvolution, (n, in) -> one(maxPool(n, in[0])))),
            Map.entry("Relu", (n, in) -> one(Transforms.relu(in[0], true))),
            Map.entry("Relu6", (n, in) -> one(Transforms.relu6(in[0], true))),
            Map.entry("Sigmoid", (n, in) -> one(Transforms.sigmoid(in[0], true))),
            Map.entry("LeakyRelu", (n, in) -> one(Transforms.leakyRelu(in[0], n.number("alpha", 0.2), true))),
            Map.entry("Add", (n, in) -> one(broadcast("add", in[0], in[1]))),
            Map.entry("AddV2", (n, in) -> one(broadcast("add", in[0], in[1]))),
            Map.entry("Sub", (n, in) -> one(broadcast("subtract", in[0], in[1]))),
            Map.entry("Mul", (n, in) -> one(broadcast("multiply", in[0], in[1]))),
            Map.entry("FloorDiv", (n, in) -> one(broadcast("floordiv", in[0], in[1]))),
            Map.entry("FloorMod", (n, in) -> one(broadcast("floormod", in[0], in[1]))),
            Map.entry("Equal", (n, in) -> one(broadcast("equals", in[0], in[1]))),
            Map.entry("Mean", (n, in) -> one(in[0].mean(n.flag("keep_dims", false), axes(in[0], in[1])))),
            Map.entry("ResizeBilinear", (n, in) -> one(resizeBilinear(n, in[0], in[1]))),
            Map.entry("ConcatV2", (n, in) -> one(concat(in))),
            Map.entry("SplitV", (n, in) -> split(n, in[0], in[1], in[2])),
            Map.entry("Reshape", (n, in) -> one(reshape(n, in[0], in[1].toLongVector()))),
            Map.entry("ExpandDims", (n, in) -> one(expandDims(in[0], in[1].getInt(0)))),
            Map.entry("Transpose", (n, in) -> one(in[0].permute(in[1].toIntVector()).dup('c'))),
            Map.entry("Pad", (n, in) -> one(pad(in[0], in[1], 0))),
            Map.entry("PadV2", (n, in) -> one(pad(in[0], in[1], in[2].getDouble(0)))),
            Map.entry("Cast", (n, in) -> one(in[0].castTo(dataType(n, n.type("DstT"))))),
            Map.entry("SparseToDense", (n, in) -> one(sparseToDense(n, in[0], in[1], in[2], in[3]))),
            Map.entry("TopKV2", checked(Kernels::checkTopK, (n, in) -> topK(n, in[0], in[1].getInt(0)))),
            Map.entry("GatherV2", checked(Kernels::checkGather,
                    (n, in) -> one(Nd4j.exec(new Gather(in[0], in[1], axis(in[0], in[2].getInt(0))))[0]))),
            Map.entry("StridedSlice", (n, in) -> one(Nd4j.exec(new StridedSlice(in[0], in[1].toLongVector(),
                    in[2].toLongVector(), in[3].toLongVector(), (int) n.integer("begin_mask", 0),
                    (int) n.integer("end_mask", 0), (int) n.integer("ellipsis_mask", 0),
                    (int) n.integer("new_axis_mask", 0), (int) n.integer("shrink_axis_mask", 0)))[0])));

    private Kernels() {
    }

    /** The kernel of an operation; null when this runtime does not implement it. */
    static Kernel forOp(String op) {
        return BY_OP.get(op);
    }

    /** The operations this runtime implements, for error messages. */
    static Set<String> supported() {
        return BY_OP.keySet();
    }

    /** The ND4J type of a TensorFlow data type (see the class comment on 64-bit integers). */
    static DataType dataType(GraphNode node, String tfType) {
        return switch (tfType) {
            case "DT_FLOAT" -> DataType.FLOAT;
            case "DT_INT32", "DT_INT64" -> DataType.INT;
            case "DT_BOOL" -> DataType.BOOL;
            default -> throw node.error("unsupported data type " + tfType + " (expected DT_FLOAT, DT_INT32, DT_INT64 or DT_BOOL)");
        };
    }

    private static Kernel checked(java.util.function.Consumer<GraphNode> check, Kernel kernel) {
        return new Kernel() {
            @Override
            public INDArray[] run(GraphNode node, INDArray[] inputs) {
                return kernel.run(node, inputs);
            }

            @Override
            public void check(GraphNode node) {
                check.accept(node);
            }
        };
    }

    private static INDArray[] one(INDArray a) {
        return new INDArray[] {a};
    }

    private static void checkConvolution(GraphNode n) {
        String format = n.string("data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw n.error("data_format " + format + " is not supported (expected NHWC)");
        }
        String padding = n.string("padding");
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw n.error("padding " + padding + " is not supported (expected SAME or VALID)");
        }
        long[] strides = n.ints("strides");
        if (strides.length != 4 || strides[0] != 1 || strides[3] != 1) {
            throw n.error("strides " + Arrays.toString(strides) + " are not supported (expected [1, h, w, 1])");
        }
    }

    private static void checkFused(GraphNode n) {
        checkConvolution(n);
        List<String> ops = n.strings("fused_ops");
        boolean ok = !ops.isEmpty() && ops.get(0).equals("BiasAdd") && ops.size() <= 2
                && (ops.size() == 1 || ACTIVATIONS.contains(ops.get(1))) && n.integer("num_args", 1) == 1;
        if (!ok) {
            throw n.error("fused operations " + ops + " with " + n.integer("num_args", 1) + " extra arguments are not "
                    + "supported (expected BiasAdd, optionally followed by one of " + ACTIVATIONS + ")");
        }
    }

    private static void checkTopK(GraphNode n) {
        if (!n.flag("sorted", true)) {
            throw n.error("unsorted top-k is not supported");
        }
    }

    private static void checkGather(GraphNode n) {
        if (n.integer("batch_dims", 0) != 0) {
            throw n.error("batch_dims " + n.integer("batch_dims", 0) + " is not supported (expected 0)");
        }
    }

    private static INDArray convolution(GraphNode n, INDArray x, INDArray filter, INDArray bias, boolean depthwise) {
        if (x.rank() != 4 || filter.rank() != 4) {
            throw n.error("expected a rank-4 input and filter, got " + Arrays.toString(x.shape()) + " and "
                    + Arrays.toString(filter.shape()));
        }
        if (filter.size(2) != x.size(3)) {
            throw n.error("the filter " + Arrays.toString(filter.shape()) + " does not match the input's "
                    + x.size(3) + " channels (grouped convolution is not supported)");
        }
        long[] strides = n.ints("strides");
        long[] dilations = n.has("dilations") ? n.ints("dilations") : new long[] {1, 1, 1, 1};
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(filter.size(0)).kW(filter.size(1))
                .sH(strides[1]).sW(strides[2])
                .dH(dilations[1]).dW(dilations[2])
                .paddingMode(n.string("padding").equals("SAME") ? PaddingMode.SAME : PaddingMode.VALID)
                .dataFormat("NHWC")
                .weightsFormat(WeightsFormat.YXIO)
                .build();
        return Nd4j.exec(depthwise ? new DepthwiseConv2D(x, filter, bias, config) : new Conv2D(x, filter, bias, config))[0];
    }

    private static INDArray fused(GraphNode n, INDArray[] in, boolean depthwise) {
        INDArray out = convolution(n, in[0], in[1], in[2], depthwise);
        List<String> ops = n.strings("fused_ops");
        if (ops.size() == 1) {
            return out;
        }
        return switch (ops.get(1)) {
            case "Relu" -> Transforms.relu(out, false);
            case "Relu6" -> Transforms.relu6(out, false);
            case "LeakyRelu" -> Transforms.leakyRelu(out, n.number("leakyrelu_alpha", 0.2), false);
            case "Sigmoid" -> Transforms.sigmoid(out, false);
            case "Elu" -> Transforms.elu(out, false);
            default -> throw n.error("unsupported fused activation " + ops.get(1));
        };
    }

    private static INDArray maxPool(GraphNode n, INDArray x) {
        long[] k = n.ints("ksize");
        long[] s = n.ints("strides");
        if (k.length != 4 || k[0] != 1 || k[3] != 1) {
            throw n.error("ksize " + Arrays.toString(k) + " is not supported (expected [1, h, w, 1])");
        }
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(k[1]).kW(k[2]).sH(s[1]).sW(s[2])
                .paddingMode(n.string("padding").equals("SAME") ? PaddingMode.SAME : PaddingMode.VALID)
                .isNHWC(true)
                .build();
        return Nd4j.exec(new MaxPooling2D(x, config))[0];
    }

    private static INDArray broadcast(String op, INDArray a, INDArray b) {
        DynamicCustomOp custom = DynamicCustomOp.builder(op).addInputs(a, b).build();
        return Nd4j.exec(custom)[0];
    }

    private static int axis(INDArray x, int axis) {
        return axis < 0 ? axis + x.rank() : axis;
    }

    private static int[] axes(INDArray x, INDArray indices) {
        int[] axes = indices.toIntVector();
        for (int i = 0; i < axes.length; i++) {
            axes[i] = axis(x, axes[i]);
        }
        return axes;
    }

    private static INDArray resizeBilinear(GraphNode n, INDArray x, INDArray size) {
        DynamicCustomOp resize = DynamicCustomOp.builder("resize_bilinear")
                .addInputs(x, size.castTo(DataType.INT))
                .addBooleanArguments(n.flag("align_corners", false), n.flag("half_pixel_centers", false))
                .build();
        return Nd4j.exec(resize)[0];
    }

    private static INDArray concat(INDArray[] in) {
        INDArray[] parts = Arrays.copyOf(in, in.length - 1);
        return Nd4j.concat(axis(parts[0], in[in.length - 1].getInt(0)), parts);
    }

    private static INDArray[] split(GraphNode n, INDArray x, INDArray sizes, INDArray axisTensor) {
        int axis = axis(x, axisTensor.getInt(0));
        long[] lengths = sizes.toLongVector();
        long known = 0;
        int open = -1;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                open = i;
            } else {
                known += lengths[i];
            }
        }
        if (open >= 0) {
            lengths[open] = x.size(axis) - known;
        }
        if (Arrays.stream(lengths).sum() != x.size(axis)) {
            throw n.error("split sizes " + Arrays.toString(lengths) + " do not add up to dimension " + axis + " of "
                    + Arrays.toString(x.shape()));
        }
        INDArray[] out = new INDArray[lengths.length];
        long start = 0;
        for (int i = 0; i < lengths.length; i++) {
            INDArrayIndex[] index = new INDArrayIndex[x.rank()];
            Arrays.fill(index, NDArrayIndex.all());
            index[axis] = NDArrayIndex.interval(start, start + lengths[i]);
            out[i] = x.get(index).dup('c');
            start += lengths[i];
        }
        return out;
    }

    private static INDArray reshape(GraphNode n, INDArray x, long[] shape) {
        long known = 1;
        int open = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                open = i;
            } else {
                known *= shape[i];
            }
        }
        long[] resolved = shape.clone();
        if (open >= 0 && known > 0) {
            resolved[open] = x.length() / known;
        }
        if (Arrays.stream(resolved).reduce(1, (a, b) -> a * b) != x.length()) {
            throw n.error("cannot reshape " + Arrays.toString(x.shape()) + " to " + Arrays.toString(shape));
        }
        return x.reshape('c', resolved);
    }

    private static INDArray expandDims(INDArray x, int dim) {
        int at = dim < 0 ? dim + x.rank() + 1 : dim;
        List<Long> shape = new ArrayList<>();
        for (long s : x.shape()) {
            shape.add(s);
        }
        shape.add(at, 1L);
        return x.reshape('c', shape.stream().mapToLong(Long::longValue).toArray());
    }

    private static INDArray pad(INDArray x, INDArray paddings, double value) {
        return Nd4j.exec(new Pad(x, paddings.castTo(DataType.INT), value))[0];
    }

    private static INDArray sparseToDense(GraphNode n, INDArray indices, INDArray shape, INDArray values, INDArray fill) {
        long[] dims = shape.toLongVector();
        INDArray out = Nd4j.valueArrayOf(dims, fill.getDouble(0), values.dataType());
        long count = indices.rank() == 0 ? 1 : indices.size(0);
        for (long i = 0; i < count; i++) {
            long[] at = new long[dims.length];
            for (int d = 0; d < dims.length; d++) {
                at[d] = indices.rank() <= 1 ? indices.getLong(i) : indices.getLong(i, d);
                if (at[d] < 0 || at[d] >= dims[d]) {
                    throw n.error("index " + Arrays.toString(at) + " lies outside the output shape " + Arrays.toString(dims));
                }
            }
            out.putScalar(at, values.length() == 1 ? values.getDouble(0) : values.getDouble(i));
        }
        return out;
    }

    private static INDArray[] topK(GraphNode n, INDArray x, int k) {
        if (k < 1 || k > x.size(x.rank() - 1)) {
            throw n.error("k = " + k + " is outside 1.." + x.size(x.rank() - 1));
        }
        INDArray[] out = Nd4j.exec(DynamicCustomOp.builder("top_k").addInputs(x).addIntegerArguments(k)
                .addBooleanArguments(true).build());
        return new INDArray[] {out[0], out[1].castTo(DataType.INT)};
    }
}
