/**
 * Object-centric cubes: for each detection, its box cropped from frames i−k … i+k, resized to size × size and scaled to
 * [0, 1]. A cube is channel-first {@code [channels][depth][size][size]} and a {@link io.github.aed.core.cube.CubeBatch}
 * is NCDHW {@code [n, channels, depth, size, size]}; channels are grey or BGR ({@link
 * io.github.aed.core.cube.ColourMode}).
 */
package io.github.aed.core.cube;
