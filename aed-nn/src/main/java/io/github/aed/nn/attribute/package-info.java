/**
 * Attribute scorers: interpretable properties of each object (speed and direction from dense optical flow, size at its position,
 * the detector's class evidence), scored by the k-nearest-neighbour density of normal training objects and calibrated
 * on held-out ones, so that their scores fuse with the proxy tasks' and explain why an object is flagged. The seam
 * users extend is {@link io.github.aed.nn.attribute.ObjectAttribute} with its
 * {@link io.github.aed.nn.attribute.AttributeProvider}.
 */
package io.github.aed.nn.attribute;
