package io.github.aed.nn.network;

/**
 * The arithmetic cost of the multi-task network, counted from its layer list: 2 FLOP per multiply-add of the
 * convolutions and dense layers (batch norm, pooling and activations are not counted). Used by the benchmark to turn
 * throughput into GFLOP/s, and to compare backbone variants before running them.
 */
public final class NetworkCost {

    private NetworkCost() {
    }

    /** FLOP of one encoder pass over a {@code depth}-frame input. */
    public static double encoderFlops(BackboneVariant v, int size, int channels, int depth) {
        double f = 0;
        int in = channels;
        int[][] blocks = v.blocks();
        for (int b = 0; b < blocks.length; b++) {
            double plane = (double) (size >> b) * (size >> b);
            for (int out : blocks[b]) {
                f += 2.0 * 27 * in * out * depth * plane;
                in = out;
            }
        }
        return f;
    }

    /** FLOP of the four heads for one object. */
    public static double headFlops(BackboneVariant v, int size, int channels) {
        int latent = v.latentSize(size);
        int pooled = (latent + 1) / 2;
        double trunk = 2.0 * 9 * v.latentChannels() * HeadLayers.HEAD_FILTERS * latent * latent;
        double dense = 2.0 * HeadLayers.HEAD_FILTERS * pooled * pooled;
        double heads = 2 * (trunk + dense * 2) + trunk + dense * 1080;
        int in = v.latentChannels();
        for (int s = 0; s < v.halvings(); s++) {
            int side = latent << (s + 1);
            int out = s == v.halvings() - 1 ? channels : HeadLayers.HEAD_FILTERS;
            heads += 2.0 * 9 * in * out * side * side;
            in = out;
        }
        return heads;
    }

    /** Test time: one 6-frame and one 7-frame encoder pass, and the heads. */
    public static double testFlops(BackboneVariant v, int size, int channels) {
        return encoderFlops(v, size, channels, 6) + encoderFlops(v, size, channels, 7) + headFlops(v, size, channels);
    }

    /** Training forward pass: encoder passes over 6, 7 and 7 frames, and the heads. */
    public static double trainingForwardFlops(BackboneVariant v, int size, int channels) {
        return encoderFlops(v, size, channels, 6) + 2 * encoderFlops(v, size, channels, 7) + headFlops(v, size, channels);
    }
}
