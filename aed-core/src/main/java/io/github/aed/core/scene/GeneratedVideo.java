package io.github.aed.core.scene;

import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import java.util.List;

/**
 * A generated video with its ground truth.
 *
 * @param name   the video's name
 * @param frames the frames, 0-based consecutive indices, BGR
 * @param labels per frame: 1 where an anomalous object is visible, else 0
 * @param masks  per frame: {@code width * height} bytes, 1 on the pixels of anomalous objects, else 0 (all zero in
 *               normal videos)
 * @param tracks the anomalous objects, by track id
 * @param objects per frame: the boxes of every figure on screen, normal or not (what a perfect object detector
 *               would find)
 */
public record GeneratedVideo(String name, List<Frame> frames, int[] labels, List<byte[]> masks, List<AnomalyTrack> tracks,
                             List<List<Box>> objects) {

    /** Copies the arrays so the record cannot be changed from outside. */
    public GeneratedVideo {
        frames = List.copyOf(frames);
        labels = labels.clone();
        masks = masks.stream().map(byte[]::clone).toList();
        tracks = List.copyOf(tracks);
        objects = objects.stream().map(List::copyOf).toList();
    }

    /** A copy of the per-frame labels. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of the mask of frame {@code index}. */
    public byte[] mask(int index) {
        return masks.get(index).clone();
    }

    /** The frames as a re-readable {@link Video}. */
    public Video asVideo() {
        return Video.of(name, frames);
    }

    /** Number of frames labelled abnormal. */
    public int abnormalFrames() {
        int n = 0;
        for (int l : labels) {
            n += l;
        }
        return n;
    }
}
