package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers against the known totals of the real ground truth in ../shared/data (skipped when absent). */
class GroundTruthDataTest {

    @Test
    void ped2() {
        GroundTruth gt = UcsdGroundTruth.read(SharedData.require("ucsd-ped2"));
        assertEquals("UCSD Ped2", gt.dataset());
        assertEquals(12, gt.videos().size());
        assertEquals(2010, gt.frameCount());
        assertEquals(1648, gt.abnormalCount());
        assertEquals(List.of(180, 180, 150, 180, 150, 180, 180, 180, 120, 150, 180, 180),
                gt.videos().stream().map(VideoLabels::frameCount).toList());
        VideoLabels first = gt.videos().get(0);
        assertEquals("Test001", first.video());
        assertTrue(!first.isAbnormal(59) && first.isAbnormal(60) && first.isAbnormal(179));
        AnomalyTracks tracks = gt.tracks().orElseThrow();
        assertTrue(gt.trackSource().startsWith("derived from pixel masks"), gt.trackSource());
        // every abnormal frame has at least one mask region, and no normal frame has one
        long framesWithRegions = tracks.regions().stream().map(r -> r.video() + "/" + r.frame()).distinct().count();
        assertEquals(1648, framesWithRegions);
        assertTrue(tracks.regions().stream().allMatch(r -> gt.video(r.video()).orElseThrow().isAbnormal(r.frame())));
        assertTrue(tracks.regions().stream().allMatch(r -> r.box().isInside(360, 240)));
    }

    @Test
    void avenueOfficialMasksAndMnadLabels() {
        Path root = SharedData.require("cuhk-avenue-gt");
        GroundTruth official = AvenueGroundTruth.read(root, AvenueLabels.OFFICIAL_MASKS);
        assertEquals(21, official.videos().size());
        assertEquals(15324, official.frameCount());
        assertEquals(3712, official.abnormalCount());
        assertEquals("01", official.videos().get(0).video());
        assertEquals(1439, official.videos().get(0).frameCount());
        assertEquals(36, official.video("08").orElseThrow().abnormalCount());
        assertEquals(294, official.video("18").orElseThrow().abnormalCount());
        AnomalyTracks tracks = official.tracks().orElseThrow();
        assertEquals(3712, tracks.regions().stream().map(r -> r.video() + "/" + r.frame()).distinct().count());
        assertTrue(tracks.regions().stream().allMatch(r -> r.box().isInside(640, 360)));

        GroundTruth mnad = GroundTruthFormat.AVENUE.read(root, AvenueLabels.MNAD);
        assertEquals(15324, mnad.frameCount());
        assertEquals(3867, mnad.abnormalCount());
        assertEquals(10, mnad.video("08").orElseThrow().abnormalCount());
        assertEquals(265, mnad.video("18").orElseThrow().abnormalCount());
        int differing = 0;
        for (VideoLabels v : official.videos()) {
            VideoLabels m = mnad.video(v.video()).orElseThrow();
            for (int f = 0; f < v.frameCount(); f++) {
                differing += v.isAbnormal(f) != m.isAbnormal(f) ? 1 : 0;
            }
        }
        assertEquals(441, differing);
        assertTrue(mnad.labelSource().contains("MNAD"));
    }

    @Test
    void shanghaiTechWithAedTracks() {
        GroundTruth gt = ShanghaiTechGroundTruth.read(SharedData.require("shanghaitech-gt"));
        assertEquals(107, gt.videos().size());
        assertEquals(40791, gt.frameCount());
        assertEquals(17326, gt.abnormalCount());
        assertEquals("01_0014", gt.videos().get(0).video());
        VideoLabels all = gt.video("04_0011").orElseThrow();
        assertEquals(all.frameCount(), all.abnormalCount());
        AnomalyTracks tracks = gt.tracks().orElseThrow();
        assertTrue(gt.trackSource().startsWith("AED track files"), gt.trackSource());
        assertEquals(158, tracks.trackCount());
        assertEquals(18937, tracks.regionCount());
        TrackRegion first = tracks.regions().get(0);
        assertEquals("01_0014", first.video());
        assertEquals(154, first.frame());
        assertEquals(io.github.aed.core.geometry.Box.fromInclusive(4, 142, 119, 249), first.box());
        // every track frame is labelled abnormal; the tracks cover 17,135 abnormal frames
        assertTrue(tracks.regions().stream().allMatch(r -> gt.video(r.video()).orElseThrow().isAbnormal(r.frame())));
        assertEquals(17135, tracks.regions().stream().map(r -> r.video() + "/" + r.frame()).distinct().count());
    }
}
