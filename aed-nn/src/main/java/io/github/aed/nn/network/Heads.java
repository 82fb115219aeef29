package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The reference's heads, for {@link io.github.aed.nn.task.ProxyTask#buildHead} implementations (built-in or a
 * user's).
 */
public final class Heads {

    /** Filters of the heads' convolutions. */
    public static final int HEAD_FILTERS = 32;

    private Heads() {
    }

    /**
     * Conv2D 32 + BN + ReLU → dropout → max pool 2×2 → dense {@code classes} with softmax: the arrow-of-time and
     * motion-irregularity heads.
     */
    public static void classifier(HeadBuilder h, int classes) {
        h.vectorOutput(trunk(h), classes, Activation.SOFTMAX);
    }

    /**
     * The same trunk → dense {@code outputs} with the given activation: the distillation head (a non-negative
     * activation, like the teacher's targets).
     */
    public static void regressor(HeadBuilder h, int outputs, Activation activation) {
        h.vectorOutput(trunk(h), outputs, activation);
    }

    /**
     * {@link HeadBuilder#decoderStages()} × [nearest-neighbour upsampling ×2 → Conv2D + BN + ReLU] with 32 filters,
     * the last stage with the cube's channels: the middle-box decoder; its output is a non-negative crop.
     */
    public static void imageDecoder(HeadBuilder h) {
        String x = h.latent();
        int stages = h.decoderStages();
        for (int s = 0; s < stages; s++) {
            x = h.upsampleConvBnRelu("conv" + s, x, s == stages - 1 ? h.cubeChannels() : HEAD_FILTERS);
        }
        h.imageOutput(x, Activation.IDENTITY);
    }

    private static String trunk(HeadBuilder h) {
        String conv = h.conv2dBnRelu("conv", h.latent(), HEAD_FILTERS);
        // DL4J's dropout argument is the probability of keeping a unit
        String drop = h.add("dropout", new DropoutLayer.Builder(1 - h.settings().dropout()).build(), conv);
        return h.add("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Same).build(), drop);
    }
}
