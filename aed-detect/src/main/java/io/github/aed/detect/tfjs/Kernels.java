package io.github.aed.detect.tfjs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The TensorFlow operations that {@link TfjsGraphModel} runs, each on ND4J's CPU kernels (oneDNN for convolutions and
 * pooling). Tensors are in TensorFlow's layout (NHWC for images, {@code [kH, kW, in, out]} for filters).
 *
 * <p>A transpose is a view (no copy): kernels accept strided inputs, and those whose native code needs dense rows
 * (oneDNN's convolutions and pools) copy them first when they are not.
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
            Map.entry(ChannelsFirstFusion.OP, (n, in) -> one(nchwConvolution(n, in))),
            Map.entry(ChannelsFirstFusion.POOL_OP, (n, in) -> one(nchwMaxPool(n, in[0]))),
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
            Map.entry("Mean", (n, in) -> one(mean(in[0], axes(in[0], in[1]), n.flag("keep_dims", false)))),
            Map.entry("ResizeBilinear", (n, in) -> one(resizeBilinear(n, in[0], in[1]))),
            Map.entry("ConcatV2", (n, in) -> one(concat(in))),
            Map.entry("SplitV", (n, in) -> split(n, in[0], in[1], in[2])),
            Map.entry("Reshape", (n, in) -> one(reshape(n, in[0], in[1].toLongVector()))),
            Map.entry("ExpandDims", (n, in) -> one(expandDims(in[0], in[1].getInt(0)))),
            Map.entry("Transpose", (n, in) -> one(in[0].permute(in[1].toIntVector()))),
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

    /** Multiply-adds × 2 of a convolution node for these inputs and outputs; 0 for other operations. */
    static long flops(GraphNode node, INDArray[] in, INDArray[] out) {
        return switch (node.op()) {
            case "Conv2D", "_FusedConv2D", ChannelsFirstFusion.OP -> 2 * out[0].length() * in[1].size(0) * in[1].size(1) * in[1].size(2);
            case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> 2 * out[0].length() * in[1].size(0) * in[1].size(1);
            default -> 0;
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

    /**
     * A convolution of an NHWC input with a [kH, kW, in, out] filter, as the node's strides, dilations and padding say;
     * a node rewritten by {@link ChannelsFirstFusion} also gives explicit symmetric {@code pads}.
     */
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
        long[] pads = n.has("pads") ? n.ints("pads") : new long[] {0, 0};
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(filter.size(0)).kW(filter.size(1))
                .sH(strides[1]).sW(strides[2])
                .dH(dilations[1]).dW(dilations[2])
                .pH(pads[0]).pW(pads[1])
                .paddingMode(n.string("padding").equals("SAME") ? PaddingMode.SAME : PaddingMode.VALID)
                .dataFormat("NHWC")
                .weightsFormat(WeightsFormat.YXIO)
                .build();
        INDArray dense = contiguous(x);
        return Nd4j.exec(depthwise ? new DepthwiseConv2D(dense, filter, bias, config) : new Conv2D(dense, filter, bias, config))[0];
    }

    private static INDArray fused(GraphNode n, INDArray[] in, boolean depthwise) {
        INDArray out = convolution(n, in[0], in[1], in[2], depthwise);
        List<String> ops = n.strings("fused_ops");
        return ops.size() == 1 ? out : activation(n, out, ops.get(1), n.number("leakyrelu_alpha", 0.2));
    }

    /**
     * A convolution rewritten by {@link ChannelsFirstFusion}: NCHW in and out, filter [kH, kW, in, out]. It
     * convolves in NHWC, oneDNN's fast layout here, on a transposed view of the input, and returns a transposed view
     * of its NHWC result: when one fused convolution feeds the next, neither transpose copies anything.
     */
    private static INDArray nchwConvolution(GraphNode n, INDArray[] in) {
        INDArray x = in[0];
        if (x.rank() != 4) {
            throw n.error("expected a rank-4 NCHW input, got " + Arrays.toString(x.shape()));
        }
        INDArray out = convolution(n, x.permute(0, 2, 3, 1), in[1], in.length > 2 ? in[2] : null, false);
        return activation(n, out, n.string("activation"), n.number("alpha", 0.2)).permute(0, 3, 1, 2);
    }

    /** {@code a} itself when its elements lie in row-major order without gaps (oneDNN needs that), else a copy. */
    static INDArray contiguous(INDArray a) {
        return isContiguous(a) ? a : a.dup('c');
    }

    private static boolean isContiguous(INDArray a) {
        return a.offset() == 0 && Shape.hasDefaultStridesForShape(a) && a.length() == a.data().length();
    }

    /** Applies a fused activation in place ({@code out} is a fresh array). */
    private static INDArray activation(GraphNode n, INDArray out, String activation, double alpha) {
        return switch (activation) {
            case "" -> out;
            case "Relu" -> Transforms.relu(out, false);
            case "Relu6" -> Transforms.relu6(out, false);
            case "LeakyRelu" -> Transforms.leakyRelu(out, alpha, false);
            case "Sigmoid" -> Transforms.sigmoid(out, false);
            case "Elu" -> Transforms.elu(out, false);
            default -> throw n.error("unsupported fused activation " + activation);
        };
    }

    /**
     * A max pool rewritten by {@link ChannelsFirstFusion}: NCHW in and out, pooled in NHWC on a transposed view with
     * the explicit padding ignored (as the -inf padding it replaces).
     */
    private static INDArray nchwMaxPool(GraphNode n, INDArray x) {
        long[] k = n.ints("ksize");
        long[] s = n.ints("strides");
        long[] pads = n.ints("pads");
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(k[1]).kW(k[2]).sH(s[1]).sW(s[2]).pH(pads[0]).pW(pads[1])
                .paddingMode(PaddingMode.VALID)
                .isNHWC(true)
                .build();
        return Nd4j.exec(new MaxPooling2D(contiguous(x.permute(0, 2, 3, 1)), config))[0].permute(0, 3, 1, 2);
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
        return Nd4j.exec(new MaxPooling2D(contiguous(x), config))[0];
    }

    /**
     * An element-wise binary operation with NumPy broadcasting. Float tensors of equal shapes, and a float tensor with
     * a scalar, take ND4J's direct element-wise paths: the general broadcasting op is several times slower on them.
     */
    private static INDArray broadcast(String op, INDArray a, INDArray b) {
        boolean floats = a.dataType() == DataType.FLOAT && b.dataType() == DataType.FLOAT;
        if (floats && (op.equals("add") || op.equals("subtract") || op.equals("multiply"))) {
            if (Arrays.equals(a.shape(), b.shape())) {
                if (a.rank() == 4 && isContiguous(a.permute(0, 2, 3, 1)) && isContiguous(b.permute(0, 2, 3, 1))) {
                    return elementwise(op, a.permute(0, 2, 3, 1), b.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
                }
                return elementwise(op, a, b);
            }
            if (b.length() == 1 && a.length() > 1 && b.rank() <= a.rank()) {
                return withScalar(op, a, b.getDouble(0), false);
            }
            if (a.length() == 1 && b.length() > 1 && a.rank() <= b.rank()) {
                return withScalar(op, b, a.getDouble(0), true);
            }
        }
        DynamicCustomOp custom = DynamicCustomOp.builder(op).addInputs(a, b).build();
        return Nd4j.exec(custom)[0];
    }

    /**
     * {@code a op b} for arrays of one shape. (Two NCHW views of NHWC data, the fused convolutions' outputs, are
     * passed here in their NHWC order: ND4J's element-wise loops are several times slower on strided views.)
     */
    private static INDArray elementwise(String op, INDArray a, INDArray b) {
        return switch (op) {
            case "add" -> a.add(b);
            case "subtract" -> a.sub(b);
            default -> a.mul(b);
        };
    }

    /** {@code x op v}, or {@code v op x} when {@code scalarFirst}. */
    private static INDArray withScalar(String op, INDArray x, double v, boolean scalarFirst) {
        return switch (op) {
            case "add" -> x.add(v);
            case "subtract" -> scalarFirst ? x.rsub(v) : x.sub(v);
            default -> x.mul(v);
        };
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

    /**
     * The mean over some axes. Over a run of adjacent axes (a global pooling) it is one matrix product per leading
     * index, which ND4J computes several times faster than its strided reduction.
     */
    private static INDArray mean(INDArray x, int[] axes, boolean keepDims) {
        int[] sorted = axes.clone();
        Arrays.sort(sorted);
        boolean adjacent = sorted.length > 0 && sorted[sorted.length - 1] - sorted[0] == sorted.length - 1;
        if (!adjacent || x.dataType() != DataType.FLOAT) {
            return x.mean(keepDims, axes);
        }
        long[] shape = x.shape();
        long before = 1;
        long reduced = 1;
        long after = 1;
        for (int d = 0; d < shape.length; d++) {
            if (d < sorted[0]) {
                before *= shape[d];
            } else if (d <= sorted[sorted.length - 1]) {
                reduced *= shape[d];
            } else {
                after *= shape[d];
            }
        }
        INDArray rows = contiguous(x).reshape('c', before, reduced, after);
        INDArray weights = Nd4j.valueArrayOf(new long[] {1, reduced}, 1.0 / reduced, DataType.FLOAT);
        INDArray out = Nd4j.create(DataType.FLOAT, before, after);
        for (long i = 0; i < before; i++) {
            out.putRow(i, weights.mmul(rows.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all())));
        }
        long[] outShape = keepDims ? shape.clone() : new long[shape.length - sorted.length];
        for (int d = 0, o = 0; d < shape.length; d++) {
            boolean isReduced = d >= sorted[0] && d <= sorted[sorted.length - 1];
            if (keepDims) {
                outShape[d] = isReduced ? 1 : shape[d];
            } else if (!isReduced) {
                outShape[o++] = shape[d];
            }
        }
        return out.reshape('c', outShape);
    }

    private static INDArray resizeBilinear(GraphNode n, INDArray x, INDArray size) {
        DynamicCustomOp resize = DynamicCustomOp.builder("resize_bilinear")
                .addInputs(x, size.castTo(DataType.INT))
                .addBooleanArguments(n.flag("align_corners", false), n.flag("half_pixel_centers", false))
                .build();
        return Nd4j.exec(resize)[0];
    }

    /**
     * Concatenation; channels of NCHW tensors that are transposed views of NHWC data (the output of fused
     * convolutions) are joined in NHWC, where each part is one contiguous block per pixel, and returned as a view.
     */
    private static INDArray concat(INDArray[] in) {
        INDArray[] parts = Arrays.copyOf(in, in.length - 1);
        int axis = axis(parts[0], in[in.length - 1].getInt(0));
        if (axis == 1 && parts[0].rank() == 4) {
            INDArray[] nhwc = new INDArray[parts.length];
            boolean allViews = true;
            for (int i = 0; i < parts.length && allViews; i++) {
                nhwc[i] = parts[i].permute(0, 2, 3, 1);
                allViews = isContiguous(nhwc[i]);
            }
            if (allViews) {
                return Nd4j.concat(3, nhwc).permute(0, 3, 1, 2);
            }
        }
        return Nd4j.concat(axis, parts);
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

    /**
     * The k largest values along the last axis, in descending order, and their indices; equal values keep index
     * order, as TensorFlow's do. (libnd4j's top_k took seconds on CenterNet's 1.3 million scores.)
     */
    private static INDArray[] topK(GraphNode n, INDArray x, int k) {
        int width = Math.toIntExact(x.size(x.rank() - 1));
        if (k < 1 || k > width) {
            throw n.error("k = " + k + " is outside 1.." + width);
        }
        int rows = Math.toIntExact(x.length() / width);
        float[] all = contiguous(x).castTo(DataType.FLOAT).data().asFloat();
        float[] values = new float[rows * k];
        int[] indices = new int[rows * k];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            PriorityQueue<Integer> kept = new PriorityQueue<>(k + 1, (i, j) -> all[base + i] != all[base + j]
                    ? Float.compare(all[base + i], all[base + j]) : Integer.compare(j, i));
            for (int i = 0; i < width; i++) {
                if (kept.size() < k) {
                    kept.add(i);
                } else if (all[base + i] > all[base + kept.peek()]) {
                    kept.poll();
                    kept.add(i);
                }
            }
            for (int j = k - 1; j >= 0; j--) {
                int i = kept.poll();
                values[r * k + j] = all[base + i];
                indices[r * k + j] = i;
            }
        }
        long[] shape = x.shape().clone();
        shape[shape.length - 1] = k;
        return new INDArray[] {Nd4j.createFromArray(values).reshape(shape).castTo(x.dataType()),
                Nd4j.createFromArray(indices).reshape(shape)};
    }
}
