/**
 * Reading and writing video: {@link io.github.aed.core.video.Frame}s (8-bit, row-major, channel-interleaved grey or
 * BGR), their sources (video files, image folders in natural order, memory) and sliding windows of frames. Frame
 * indices are 0-based.
 */
package io.github.aed.core.video;
