package io.github.aed.detect.tfjs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aed.detect.tfjs.GraphNode.TensorRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A load-time rewrite for graphs converted from channels-first frameworks (ONNX via onnx-tf, as NanoDet was): such
 * graphs wrap every convolution in a pair of transposes,
 * {@code [Pad] -> Transpose(NCHW->NHWC) -> Conv2D -> [Add bias] -> Transpose(NHWC->NCHW) -> [activation]},
 * and the two copies cost more than the convolution. Each such chain becomes one {@value #OP} node that takes and
 * returns NCHW tensors, with the symmetric padding, bias and activation folded in; its kernel convolves in NHWC on
 * transposed views, so that consecutive fused convolutions pass NHWC data without copies. The result is the same
 * tensor; the rewritten node takes the name of the chain's last node, so its consumers are unchanged.
 *
 * <p>Max pools wrapped the same way, {@code PadV2(-inf) -> Transpose -> MaxPool -> Transpose}, become one
 * {@value #POOL_OP} node that pools in NHWC with the padding ignored, as the -inf padding made it.
 *
 * <p>A chain is rewritten only when every intermediate tensor has no other consumer and is not a graph output.
 */
final class ChannelsFirstFusion {

    /** The operation name of the fused convolutions; {@link Kernels} runs it. */
    static final String OP = "_AedNchwConv2D";

    /** The operation name of the fused max pools; {@link Kernels} runs it. */
    static final String POOL_OP = "_AedNchwMaxPool";

    private static final Set<String> ACTIVATIONS = Set.of("Relu", "Relu6", "LeakyRelu", "Sigmoid");
    private static final List<Integer> TO_NHWC = List.of(0, 2, 3, 1);
    private static final List<Integer> TO_NCHW = List.of(0, 3, 1, 2);

    private final Map<String, GraphNode> byName = new HashMap<>();
    private final Map<String, List<String>> consumers = new HashMap<>();
    private final Map<String, INDArray[]> constants;
    private final Set<String> outputs;

    private ChannelsFirstFusion(List<GraphNode> live, Map<String, INDArray[]> constants, List<String> outputs) {
        this.constants = constants;
        this.outputs = Set.copyOf(outputs);
        for (GraphNode node : live) {
            byName.put(node.name(), node);
            for (TensorRef r : node.inputs()) {
                consumers.computeIfAbsent(r.node(), k -> new ArrayList<>()).add(node.name());
            }
        }
    }

    /** {@code live} (nodes in execution order) with every matching chain replaced by one fused node. */
    static List<GraphNode> apply(List<GraphNode> live, Map<String, INDArray[]> constants, List<String> outputs) {
        return new ChannelsFirstFusion(live, constants, outputs).rewrite(live);
    }

    private List<GraphNode> rewrite(List<GraphNode> live) {
        Map<String, GraphNode> replacements = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (GraphNode node : live) {
            if (isTranspose(node, TO_NCHW)) {
                match(node, replacements, removed);
            }
        }
        List<GraphNode> out = new ArrayList<>();
        for (GraphNode node : live) {
            if (replacements.containsKey(node.name())) {
                out.add(replacements.get(node.name()));
            } else if (!removed.contains(node.name())) {
                out.add(node);
            }
        }
        return out;
    }

    /** {@code PadV2(x, pads, -inf) -> Transpose -> MaxPool(VALID) -> Transpose} into one pooling node. */
    private boolean matchPool(GraphNode toNchw, Map<String, GraphNode> replacements, Set<String> removed) {
        GraphNode pool = producer(toNchw, 0);
        if (pool == null || !pool.op().equals("MaxPool") || !soleConsumer(pool, toNchw)
                || !pool.string("padding").equals("VALID") || !pool.string("data_format", "NHWC").equals("NHWC")) {
            return false;
        }
        GraphNode toNhwc = producer(pool, 0);
        if (toNhwc == null || !isTranspose(toNhwc, TO_NHWC) || !soleConsumer(toNhwc, pool)) {
            return false;
        }
        GraphNode pad = producer(toNhwc, 0);
        if (pad == null || !pad.op().equals("PadV2") || !soleConsumer(pad, toNhwc)) {
            return false;
        }
        INDArray[] fill = constants.get(pad.inputs().get(2).node());
        long[] pads = symmetricSpatialPads(pad.inputs().get(1));
        if (fill == null || fill[0].getDouble(0) != Double.NEGATIVE_INFINITY || pads == null) {
            return false;
        }
        removed.addAll(List.of(pad.name(), toNhwc.name(), pool.name()));
        ObjectNode attrs = JsonNodeFactory.instance.objectNode();
        attrs.set("ksize", pool.attrs().get("ksize"));
        attrs.set("strides", pool.attrs().get("strides"));
        attrs.putObject("pads").putObject("list").putArray("i").add(Long.toString(pads[0])).add(Long.toString(pads[1]));
        replacements.put(toNchw.name(), new GraphNode(toNchw.name(), POOL_OP, List.of(pad.inputs().get(0)), attrs));
        return true;
    }

    private void match(GraphNode toNchw, Map<String, GraphNode> replacements, Set<String> removed) {
        if (matchPool(toNchw, replacements, removed)) {
            return;
        }
        List<String> chain = new ArrayList<>(List.of(toNchw.name()));
        GraphNode src = producer(toNchw, 0);
        TensorRef bias = null;
        if (src != null && (src.op().equals("Add") || src.op().equals("AddV2") || src.op().equals("BiasAdd"))
                && soleConsumer(src, toNchw)) {
            int constant = rank1Constant(src.inputs().get(1)) ? 1 : rank1Constant(src.inputs().get(0)) ? 0 : -1;
            if (constant < 0) {
                return;
            }
            bias = src.inputs().get(constant);
            chain.add(src.name());
            src = producer(src, 1 - constant);
        }
        if (src == null || !src.op().equals("Conv2D") || !soleConsumer(src, byName.get(chain.get(chain.size() - 1)))) {
            return;
        }
        GraphNode conv = src;
        GraphNode toNhwc = producer(conv, 0);
        if (toNhwc == null || !isTranspose(toNhwc, TO_NHWC) || !soleConsumer(toNhwc, conv)) {
            return;
        }
        chain.add(conv.name());
        chain.add(toNhwc.name());
        TensorRef input = toNhwc.inputs().get(0);
        long[] pads = {0, 0};
        String padding = conv.string("padding");
        GraphNode pad = byName.get(input.node());
        if (padding.equals("VALID") && pad != null && pad.op().equals("Pad") && soleConsumer(pad, toNhwc)) {
            long[] p = symmetricSpatialPads(pad.inputs().get(1));
            if (p != null) {
                pads = p;
                input = pad.inputs().get(0);
                chain.add(pad.name());
            }
        }
        String activation = "";
        double alpha = 0;
        String name = toNchw.name();
        List<String> after = consumers.getOrDefault(toNchw.name(), List.of());
        if (after.size() == 1 && !outputs.contains(toNchw.name())) {
            GraphNode next = byName.get(after.get(0));
            if (ACTIVATIONS.contains(next.op())) {
                activation = next.op();
                alpha = next.number("alpha", 0.2);
                replacements.remove(toNchw.name());
                removed.add(toNchw.name());
                name = next.name();
            }
        }
        chain.remove(toNchw.name());
        removed.addAll(chain);
        List<TensorRef> inputs = new ArrayList<>(List.of(input, conv.inputs().get(1)));
        if (bias != null) {
            inputs.add(bias);
        }
        ObjectNode attrs = JsonNodeFactory.instance.objectNode();
        attrs.set("strides", conv.attrs().get("strides"));
        if (conv.has("dilations")) {
            attrs.set("dilations", conv.attrs().get("dilations"));
        }
        attrs.set("padding", conv.attrs().get("padding"));
        attrs.putObject("pads").putObject("list").putArray("i").add(Long.toString(pads[0])).add(Long.toString(pads[1]));
        attrs.putObject("activation").put("s", java.util.Base64.getEncoder().encodeToString(activation.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        attrs.putObject("alpha").put("f", alpha);
        replacements.put(name, new GraphNode(name, OP, List.copyOf(inputs), attrs));
    }

    private GraphNode producer(GraphNode node, int input) {
        return byName.get(node.inputs().get(input).node());
    }

    private boolean soleConsumer(GraphNode producer, GraphNode consumer) {
        return !outputs.contains(producer.name())
                && consumers.getOrDefault(producer.name(), List.of()).equals(List.of(consumer.name()));
    }

    private boolean isTranspose(GraphNode node, List<Integer> perm) {
        if (!node.op().equals("Transpose")) {
            return false;
        }
        INDArray[] p = constants.get(node.inputs().get(1).node());
        return p != null && Arrays.stream(p[0].toIntVector()).boxed().toList().equals(perm);
    }

    private boolean rank1Constant(TensorRef ref) {
        INDArray[] c = constants.get(ref.node());
        return c != null && c[0].rank() == 1;
    }

    /** {padH, padW} when an NCHW Pad pads only H and W, symmetrically; else null. */
    private long[] symmetricSpatialPads(TensorRef paddings) {
        INDArray[] c = constants.get(paddings.node());
        if (c == null || c[0].rank() != 2 || c[0].size(0) != 4 || c[0].size(1) != 2) {
            return null;
        }
        long[][] p = new long[4][2];
        for (int i = 0; i < 4; i++) {
            p[i][0] = c[0].getLong(i, 0);
            p[i][1] = c[0].getLong(i, 1);
        }
        boolean ok = p[0][0] == 0 && p[0][1] == 0 && p[1][0] == 0 && p[1][1] == 0 && p[2][0] == p[2][1] && p[3][0] == p[3][1];
        return ok ? new long[] {p[2][0], p[3][0]} : null;
    }
}
