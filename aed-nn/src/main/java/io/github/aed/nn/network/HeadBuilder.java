package io.github.aed.nn.network;

import io.github.aed.nn.task.LossKind;
import io.github.aed.nn.task.ProxyTask;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling3D;
import org.nd4j.linalg.activations.Activation;

/**
 * What a {@link ProxyTask} uses to add its head to the network: the latent map's name and shape, and methods that add
 * DL4J layers under the task's own name prefix. A head ends in exactly one output ({@link #vectorOutput} or
 * {@link #imageOutput}), whose loss is weighted so that it contributes {@code task weight × the task's loss} as the
 * reference defines it (element means, see {@link LossKind}).
 *
 * <p>The latent map is NCHW {@code [n, latentChannels, latentSize, latentSize]}.
 */
public final class HeadBuilder {

    private final GraphBuilder graph;
    private final String prefix;
    private final String latent;
    private final int latentChannels;
    private final int latentSize;
    private final int cubeChannels;
    private final int cubeSize;
    private final int decoderStages;
    private final ProxyTask task;
    private final NetworkSettings settings;
    private String output;

    HeadBuilder(GraphBuilder graph, String prefix, String latent, int latentChannels, int latentSize, int cubeChannels,
                int cubeSize, int decoderStages, ProxyTask task, NetworkSettings settings) {
        this.graph = graph;
        this.prefix = prefix;
        this.latent = latent;
        this.latentChannels = latentChannels;
        this.latentSize = latentSize;
        this.cubeChannels = cubeChannels;
        this.cubeSize = cubeSize;
        this.decoderStages = decoderStages;
        this.task = task;
        this.settings = settings;
    }

    /** The vertex name of the shared latent map, the head's input. */
    public String latent() {
        return latent;
    }

    public int latentChannels() {
        return latentChannels;
    }

    public int latentSize() {
        return latentSize;
    }

    /** Channels of the cubes (1 grey, 3 BGR). */
    public int cubeChannels() {
        return cubeChannels;
    }

    /** Side of the cube crops in pixels. */
    public int cubeSize() {
        return cubeSize;
    }

    /** Upsampling ×2 stages that lead from the latent map back to the crop size. */
    public int decoderStages() {
        return decoderStages;
    }

    /** The network-wide settings (dropout, batch-norm constants). */
    public NetworkSettings settings() {
        return settings;
    }

    /** Adds a layer named {@code suffix} (prefixed with the task's name) and returns its vertex name. */
    public String add(String suffix, Layer layer, String... inputs) {
        return add(suffix, layer, null, inputs);
    }

    /** Adds a layer with an explicit input preprocessor. */
    public String add(String suffix, Layer layer, InputPreProcessor preProcessor, String... inputs) {
        if (output != null) {
            throw new IllegalStateException("task " + task.name() + " added a layer after its output layer");
        }
        String name = prefix + suffix;
        graph.addLayer(name, layer, preProcessor, inputs);
        return name;
    }

    /**
     * Conv 3×3 'same' (with bias) → batch normalisation + ReLU on a 4D map, as in every head of the reference; returns
     * the 4D result. The convolution runs as a depth-1 {@code Convolution3D} with a (1, 3, 3) kernel, which is the same
     * arithmetic: in DL4J M2.1 that goes through the native conv3d op (oneDNN), 10–60× faster here than its 2D
     * {@code ConvolutionLayer} (whose oneDNN helper M2.1 never enables).
     */
    public String conv2dBnRelu(String suffix, String input, int filters) {
        return convBnRelu(suffix, input, filters, new UnfoldDepthPreProcessor(1));
    }

    /**
     * Nearest-neighbour upsampling ×2 → conv 3×3 → batch normalisation + ReLU on a 4D map (one stage of the
     * middle-box decoder); returns the 4D result, twice the input's size.
     */
    public String upsampleConvBnRelu(String suffix, String input, int filters) {
        String up = add(suffix + "-up", new Upsampling3D.Builder().size(new int[] {1, 2, 2})
                .dataFormat(Convolution3D.DataFormat.NCDHW).build(), new UnfoldDepthPreProcessor(1), input);
        return convBnRelu(suffix, up, filters, null);
    }

    private String convBnRelu(String suffix, String input, int filters, InputPreProcessor toFiveD) {
        String c = add(suffix, LinearConvolution3D.of(new Convolution3D.Builder(1, 3, 3).nOut(filters).convolutionMode(ConvolutionMode.Same)
                .dataFormat(Convolution3D.DataFormat.NCDHW)), toFiveD, input);
        return add(suffix + "-bn", settings.batchNorm(true), new FoldDepthPreProcessor(1), c);
    }

    /**
     * Ends the head with a dense output layer of {@code outputs} units.
     *
     * @param activation the output activation for losses that do not force one (cross-entropy forces softmax)
     */
    public void vectorOutput(String input, int outputs, Activation activation) {
        LossKind loss = task.loss();
        finish(add("out", new OutputLayer.Builder(loss.dl4j(task.weight(), outputs, outputs)).nOut(outputs)
                .activation(loss.outputActivation(activation)).build(), input));
    }

    /** Ends the head with a per-pixel loss on a {@code [n, cubeChannels, cubeSize, cubeSize]} image. */
    public void imageOutput(String input, Activation activation) {
        LossKind loss = task.loss();
        long elements = (long) cubeChannels * cubeSize * cubeSize;
        finish(add("out", new CnnLossLayer.Builder(loss.dl4j(task.weight(), cubeChannels, elements))
                .activation(loss.outputActivation(activation)).build(), input));
    }

    private void finish(String name) {
        output = name;
    }

    /** The output vertex, once the head is complete. */
    String output() {
        if (output == null) {
            throw new IllegalStateException("task " + task.name() + " built a head without an output layer "
                    + "(call vectorOutput or imageOutput)");
        }
        return output;
    }
}
