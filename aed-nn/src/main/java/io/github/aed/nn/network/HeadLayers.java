package io.github.aed.nn.network;

import io.github.aed.nn.task.LossKind;
import io.github.aed.nn.task.OutputActivation;
import io.github.aed.nn.task.TaskHead;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling3D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Turns a task's {@link TaskHead} declaration into the reference's DL4J layers on the shared latent map, under the
 * task's layer-name prefix:
 * <ul>
 * <li>{@link TaskHead.ClassScores} and {@link TaskHead.Regression}: Conv2D 32 + BN + ReLU → dropout → max pool 2×2 →
 *     dense output (softmax for class scores, the declared activation for a regression);</li>
 * <li>{@link TaskHead.ReconstructedCrop}: {@code decoderStages} × [nearest-neighbour upsampling ×2 → Conv2D + BN +
 *     ReLU] with 32 filters, the last stage with the cube's channels, then a per-pixel loss.</li>
 * </ul>
 * The output's loss is weighted so that the head contributes {@code task weight × the task's loss} as the reference
 * defines it (element means, see {@link LossKind}). The latent map is NCHW
 * {@code [n, latentChannels, latentSize, latentSize]}.
 */
final class HeadLayers {

    /** Filters of the heads' convolutions. */
    static final int HEAD_FILTERS = 32;

    private final GraphBuilder graph;
    private final String prefix;
    private final int cubeChannels;
    private final int cubeSize;
    private final NetworkSettings settings;

    /**
     * @param graph    the graph to add the layers to
     * @param prefix   the task's layer-name prefix
     * @param settings the network-wide settings (cube channels and size, dropout, batch-norm constants)
     */
    HeadLayers(GraphBuilder graph, String prefix, NetworkSettings settings) {
        this.graph = graph;
        this.prefix = prefix;
        this.cubeChannels = settings.channels();
        this.cubeSize = settings.cubeSize();
        this.settings = settings;
    }

    /**
     * Adds the layers of {@code head} reading {@code latent}.
     *
     * @param decoderStages upsampling ×2 stages that lead from the latent map back to the crop size
     * @return the name of the head's output layer
     */
    String add(TaskHead head, String latent, int decoderStages) {
        if (head instanceof TaskHead.ClassScores c) {
            return vectorOutput(trunk(latent), c.classes(), Activation.SOFTMAX, head);
        }
        if (head instanceof TaskHead.Regression r) {
            return vectorOutput(trunk(latent), r.values(), activation(r.activation()), head);
        }
        // the head type is sealed: what remains is a reconstructed crop
        return cropDecoder(latent, decoderStages, head);
    }

    private String cropDecoder(String latent, int stages, TaskHead head) {
        String x = latent;
        for (int s = 0; s < stages; s++) {
            x = upsampleConvBnRelu("conv" + s, x, s == stages - 1 ? cubeChannels : HEAD_FILTERS);
        }
        long elements = (long) cubeChannels * cubeSize * cubeSize;
        return layer("out", new CnnLossLayer.Builder(loss(head, cubeChannels, elements)).activation(Activation.IDENTITY)
                .build(), null, x);
    }

    private String trunk(String latent) {
        String conv = convBnRelu("conv", latent, HEAD_FILTERS, new UnfoldDepthPreProcessor(1));
        // DL4J's dropout argument is the probability of keeping a unit
        String drop = layer("dropout", new DropoutLayer.Builder(1 - settings.dropout()).build(), null, conv);
        return layer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Same).build(), null, drop);
    }

    private String vectorOutput(String input, int outputs, Activation activation, TaskHead head) {
        return layer("out", new OutputLayer.Builder(loss(head, outputs, outputs)).nOut(outputs).activation(activation)
                .build(), null, input);
    }

    /**
     * Nearest-neighbour upsampling ×2 → conv 3×3 → batch normalisation + ReLU on a 4D map (one stage of the crop
     * decoder); returns the 4D result, twice the input's size.
     */
    private String upsampleConvBnRelu(String suffix, String input, int filters) {
        String up = layer(suffix + "-up", new Upsampling3D.Builder().size(new int[] {1, 2, 2})
                .dataFormat(Convolution3D.DataFormat.NCDHW).build(), new UnfoldDepthPreProcessor(1), input);
        return convBnRelu(suffix, up, filters, null);
    }

    /**
     * Conv 3×3 'same' (with bias) → batch normalisation + ReLU on a 4D map, as in every head of the reference; returns
     * the 4D result. The convolution runs as a depth-1 {@code Convolution3D} with a (1, 3, 3) kernel, which is the same
     * arithmetic: in DL4J M2.1 that goes through the native conv3d op (oneDNN), 10–60× faster here than its 2D
     * {@code ConvolutionLayer} (whose oneDNN helper M2.1 never enables).
     */
    private String convBnRelu(String suffix, String input, int filters, InputPreProcessor toFiveD) {
        String c = layer(suffix, LinearConvolution3D.of(new Convolution3D.Builder(1, 3, 3).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).dataFormat(Convolution3D.DataFormat.NCDHW)), toFiveD, input);
        return layer(suffix + "-bn", settings.batchNorm(true), new FoldDepthPreProcessor(1), c);
    }

    private String layer(String suffix, Layer layer, InputPreProcessor preProcessor, String input) {
        String name = prefix + suffix;
        graph.addLayer(name, layer, preProcessor, input);
        return name;
    }

    /**
     * The DL4J loss function whose score is {@code weight ×} the head's loss for a sample. DL4J sums L1/L2 over a
     * sample's outputs, so their weights are divided by the number of elements the mean runs over.
     *
     * @param lossColumns length of the weight array DL4J expects: classes or outputs of an output layer, channels of a
     *                    CNN loss layer
     * @param elements    the number of output elements per sample the mean runs over (e.g. C·H·W)
     */
    private static ILossFunction loss(TaskHead head, int lossColumns, long elements) {
        LossKind kind = head.loss();
        double w = kind == LossKind.SOFTMAX_CROSS_ENTROPY ? head.weight() : head.weight() / elements;
        var weights = Nd4j.valueArrayOf(new long[] {1, lossColumns}, w).castTo(DataType.FLOAT);
        return switch (kind) {
            case SOFTMAX_CROSS_ENTROPY -> new LossMCXENT(weights);
            case MEAN_ABSOLUTE_ERROR -> new LossL1(weights);
            case MEAN_SQUARED_ERROR -> new LossL2(weights);
        };
    }

    private static Activation activation(OutputActivation activation) {
        return switch (activation) {
            case IDENTITY -> Activation.IDENTITY;
            case RELU -> Activation.RELU;
            case SOFTPLUS -> Activation.SOFTPLUS;
        };
    }
}
