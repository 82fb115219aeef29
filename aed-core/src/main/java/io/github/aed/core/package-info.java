/**
 * The core of aed, free of any deep-learning library: what the other modules share. {@link
 * io.github.aed.core.InvalidInputException} is the error for bad files, folders and settings; the data types live in
 * the subpackages (video, detection, geometry, cube, scene, progress).
 */
package io.github.aed.core;
