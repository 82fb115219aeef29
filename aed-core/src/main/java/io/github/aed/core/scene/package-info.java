/**
 * Generated scenes for tests, examples and the demo: synthetic videos of moving actors with labelled anomalies
 * (per-frame labels 0/1 and per-object tracks in pixel coordinates), reproducible from a seed.
 */
package io.github.aed.core.scene;
