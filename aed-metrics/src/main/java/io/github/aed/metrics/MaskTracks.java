package io.github.aed.metrics;

import io.github.aed.core.geometry.Box;
import io.github.aed.core.geometry.MaskComponents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anomaly tracks <b>derived</b> from pixel masks, for datasets that ship masks but no tracks (UCSD Ped1/Ped2, CUHK
 * Avenue, ShanghaiTech's optional pixel masks).
 *
 * <p>This is an approximation, not an official annotation: each 8-connected component of non-zero mask pixels in a
 * frame becomes one region (its bounding box), and regions are linked into tracks frame by frame. A region continues
 * the track of a region of the <em>previous</em> frame whose box overlaps it (IoU &gt; 0); when several pairs compete,
 * the pairs with the highest IoU are linked first, each track and each region at most once. A region that continues
 * nothing starts a new track; a track ends at the first frame in which nothing continues it (an empty frame ends all
 * tracks). Two objects that touch in a mask are one region; one object split by the mask is two. Published RBDC/TBDC
 * numbers for Ped2 and Avenue used other tracks (MERL's, or in-house ones), so numbers computed with these tracks are
 * comparable only with each other.
 *
 * <p>Feed each video's frames in increasing frame order with {@link #add}; videos may be interleaved. Not thread-safe.
 */
public final class MaskTracks {

    /** How the tracks were made, for reports. */
    public static final String DESCRIPTION = "derived from pixel masks (8-connected components as regions, linked across"
            + " consecutive frames by box overlap; an approximation, not official tracks)";

    private final AnomalyTracks.Builder builder = AnomalyTracks.builder();
    private final Map<String, VideoState> videos = new HashMap<>();

    /** A per-video linking state: the previous frame's regions and their track ids. */
    private static final class VideoState {
        int lastFrame = -1;
        List<Box> previous = List.of();
        int[] previousIds = new int[0];
        int nextId;
    }

    /**
     * Adds one frame's regions.
     *
     * @param video      the video's name
     * @param frame      0-based frame index, greater than the last one added for this video
     * @param components the frame's regions, e.g. from {@link #components(byte[], int, int)}; empty for a normal frame
     */
    public MaskTracks add(String video, int frame, List<Box> components) {
        VideoState s = videos.computeIfAbsent(video, v -> new VideoState());
        if (frame <= s.lastFrame) {
            throw new IllegalArgumentException(video + ": mask frames must be added in increasing order; frame " + frame
                    + " after frame " + s.lastFrame);
        }
        List<Box> previous = frame == s.lastFrame + 1 ? s.previous : List.of();
        int[] ids = link(previous, s.previousIds, components);
        for (int i = 0; i < components.size(); i++) {
            if (ids[i] < 0) {
                ids[i] = s.nextId++;
            }
            builder.add(video, ids[i], frame, components.get(i));
        }
        s.lastFrame = frame;
        s.previous = List.copyOf(components);
        s.previousIds = ids;
        return this;
    }

    /** The tracks derived so far, numbered in the order they started. */
    public AnomalyTracks build() {
        return builder.build();
    }

    /** For each current region, the id of the previous region's track it continues, or −1. */
    private static int[] link(List<Box> previous, int[] previousIds, List<Box> current) {
        record Pair(int prev, int cur, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < previous.size(); p++) {
            for (int c = 0; c < current.size(); c++) {
                double iou = previous.get(p).iou(current.get(c));
                if (iou > 0) {
                    pairs.add(new Pair(p, c, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed().thenComparingInt(Pair::prev).thenComparingInt(Pair::cur));
        int[] ids = new int[current.size()];
        Arrays.fill(ids, -1);
        boolean[] prevUsed = new boolean[previous.size()];
        for (Pair pair : pairs) {
            if (!prevUsed[pair.prev()] && ids[pair.cur()] < 0) {
                prevUsed[pair.prev()] = true;
                ids[pair.cur()] = previousIds[pair.prev()];
            }
        }
        return ids;
    }

    /**
     * The bounding boxes of the 8-connected components of the non-zero pixels of a mask, in {@link MaskComponents}'
     * order (OpenCV's label order).
     *
     * @param pixels {@code width * height} bytes, row-major; non-zero = anomalous
     * @throws IllegalArgumentException if the size does not match the array's length
     */
    public static List<Box> components(byte[] pixels, int width, int height) {
        return MaskComponents.find(pixels, width, height).stream().map(MaskComponents.Component::box).toList();
    }
}
