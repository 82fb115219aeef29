/**
 * Plane geometry in pixel coordinates of one frame: x grows to the right, y downwards, (0, 0) is the top-left pixel,
 * and boxes are half-open ({@code xMin <= x < xMax}); formats with inclusive corners are converted at their boundary.
 */
package io.github.aed.core.geometry;
