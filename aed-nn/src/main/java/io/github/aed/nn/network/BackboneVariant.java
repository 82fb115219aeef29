package io.github.aed.nn.network;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four encoder variants of the reference (shallow/deep × narrow/wide). Every convolution is 3×3×3, stride 1,
 * 'same' padding, followed by batch normalisation and ReLU. Between blocks a (1, 2, 2) spatial max pool halves the
 * height and width; after the last block a global temporal max pool (T, 2, 2) leaves depth 1 and halves them again.
 *
 * <table>
 * <caption>Blocks (filters per convolution)</caption>
 * <tr><th>variant</th><th>blocks</th><th>latent map at 64×64 input</th></tr>
 * <tr><td>SHALLOW_NARROW</td><td>[16] [32] [32]</td><td>8×8×32</td></tr>
 * <tr><td>SHALLOW_WIDE</td><td>[32] [64] [64]</td><td>8×8×64</td></tr>
 * <tr><td>DEEP_NARROW</td><td>[16,16] [32,32] [32] [32]</td><td>4×4×32</td></tr>
 * <tr><td>DEEP_WIDE</td><td>[32,32] [64,64] [64] [64]</td><td>4×4×64 (the reference's trained model)</td></tr>
 * </table>
 */
public enum BackboneVariant {
    SHALLOW_NARROW(new int[][] {{16}, {32}, {32}}),
    SHALLOW_WIDE(new int[][] {{32}, {64}, {64}}),
    DEEP_NARROW(new int[][] {{16, 16}, {32, 32}, {32}, {32}}),
    DEEP_WIDE(new int[][] {{32, 32}, {64, 64}, {64}, {64}});

    private final int[][] blocks;

    BackboneVariant(int[][] blocks) {
        this.blocks = blocks;
    }

    /** Filters of each convolution, block by block (a copy). */
    public int[][] blocks() {
        int[][] out = new int[blocks.length][];
        for (int i = 0; i < blocks.length; i++) {
            out[i] = blocks[i].clone();
        }
        return out;
    }

    /** Channels of the latent map: the filters of the last convolution. */
    public int latentChannels() {
        int[] last = blocks[blocks.length - 1];
        return last[last.length - 1];
    }

    /**
     * How many times the encoder halves the height and width: one per spatial pool plus the temporal pool. Equals the
     * number of upsampling stages of the middle-box decoder. Cube sizes must be a multiple of {@code 2^halvings()}.
     */
    public int halvings() {
        return blocks.length;
    }

    /** Side of the latent map for cubes of the given size. */
    public int latentSize(int cubeSize) {
        return cubeSize >> halvings();
    }

    /** Checks that cubes of this size fit the variant. */
    public void checkCubeSize(int cubeSize) {
        int unit = 1 << halvings();
        if (cubeSize < unit || cubeSize % unit != 0) {
            throw new IllegalArgumentException(this + " halves the crop " + halvings() + " times: the cube size must be a "
                    + "positive multiple of " + unit + ", got " + cubeSize);
        }
    }

    /** The lower-case name used in files and on the command line, e.g. "deep-wide". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The variant with this {@link #id()} (or enum name). */
    public static BackboneVariant parse(String s) {
        for (BackboneVariant v : values()) {
            if (v.id().equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown backbone variant '" + s + "'; expected one of "
                + Arrays.stream(values()).map(BackboneVariant::id).toList());
    }
}
