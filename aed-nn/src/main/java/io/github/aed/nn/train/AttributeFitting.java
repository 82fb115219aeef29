package io.github.aed.nn.train;

import io.github.aed.core.progress.ProgressListener;
import io.github.aed.core.progress.ProgressMeter;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeRecorder;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.DensityBank;
import io.github.aed.nn.attribute.ObjectAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Builds the attributes' density banks from the training videos' objects: every object that is not a validation object
 * goes into the bank, and the validation objects calibrate it; objects an attribute does not describe are in neither
 * and score 0 among the validation scores.
 *
 * <p>By default ({@link AttributeSettings.Calibration#OTHER_VIDEOS}) a validation object is measured as an object of a
 * new video would be: against a bank of the other training videos' objects (in the whole bank's units, with k the same
 * share of that bank), never against its own video's objects. A validation object is the continuation of tracks whose
 * earlier frames are in the bank, nearly identical to them, so against the whole bank it looks more typical than a new
 * video's normal objects do, and the calibration would set 1 too low. With a single training video there is no other
 * video: its validation objects are measured against the whole bank. Their pseudo-anomalies are measured the same way
 * ({@link #heldOutDensities}), so that a score's separation of the two compares like with like.
 *
 * <p>With more than {@value #MAX_HELD_OUT_GROUPS} training videos (ShanghaiTech has 330) the videos are dealt into
 * {@value #MAX_HELD_OUT_GROUPS} groups, video i into group i mod {@value #MAX_HELD_OUT_GROUPS}, and a validation object is
 * measured against the bank of the other groups' videos: at most {@value #MAX_HELD_OUT_GROUPS} extra banks per attribute
 * however many videos there are, each without about a sixteenth of the videos, where one bank per video would cost a
 * k-means run per video and attribute. Dealt in turn rather than in runs of consecutive videos, so that a group does
 * not take away a whole scene of a dataset whose videos are numbered scene by scene: a new video of a scene meets a
 * bank that holds that scene's training videos.
 *
 * @param densities  the trained attribute densities, in the settings' order
 * @param validation attribute name → calibrated score of every validation object, in the order of the task validation
 *                   scores (video, frame, detection)
 * @param byGroup    per group of training videos, the densities its videos' validation objects are measured with: the
 *                   banks without that group's videos, calibrated as {@code densities}; video i is in group
 *                   i mod {@code byGroup.size()}
 */
record AttributeFitting(List<AttributeDensity> densities, Map<String, double[]> validation,
                        List<List<AttributeDensity>> byGroup) {

    /** The most banks without a group of videos built per attribute; with fewer videos, each video is its own group. */
    static final int MAX_HELD_OUT_GROUPS = 16;

    static AttributeFitting none() {
        return new AttributeFitting(List.of(), Map.of(), List.of());
    }

    /** The densities that measure the validation objects of training video {@code video} (its number in the index). */
    List<AttributeDensity> heldOutDensities(int video) {
        return byGroup.isEmpty() ? densities : byGroup.get(video % byGroup.size());
    }

    static AttributeFitting fit(List<VideoIndex> index, AttributeSettings settings, List<ProgressListener> listeners) {
        boolean withoutOwnVideo = settings.calibration() == AttributeSettings.Calibration.OTHER_VIDEOS;
        int groups = Math.min(index.size(), MAX_HELD_OUT_GROUPS);
        ProgressMeter meter = new ProgressMeter(withoutOwnVideo
                ? "building the attribute banks (each attribute's, then one without each group of videos)" : "building the attribute banks",
                "banks", (long) settings.attributes().size() * (1 + (withoutOwnVideo ? groups : 0)),
                ProgressMeter.REPORT_INTERVAL, listeners);
        List<AttributeDensity> densities = new ArrayList<>();
        Map<String, double[]> validation = new LinkedHashMap<>();
        List<List<AttributeDensity>> byGroup = new ArrayList<>();
        IntStream.range(0, groups).forEach(g -> byGroup.add(new ArrayList<>()));
        for (int a = 0; a < settings.attributes().size(); a++) {
            ObjectAttribute attribute = settings.attributes().get(a);
            List<List<float[]>> bankByVideo = new ArrayList<>();
            List<List<float[]>> heldOutByVideo = new ArrayList<>();
            for (VideoIndex v : index) {
                bankByVideo.add(features(v, a, false));
                heldOutByVideo.add(features(v, a, true));
            }
            List<float[]> all = bankByVideo.stream().flatMap(List::stream).toList();
            DensityBank bank = DensityBank.fit(all, settings.neighboursFor(all.size()), settings.bankSize(), settings.seed(),
                    attribute.standardised());
            meter.advance(1);
            boolean[] banked = new boolean[groups];
            boolean[] heldOut = new boolean[groups];
            for (int v = 0; v < index.size(); v++) {
                banked[v % groups] |= !bankByVideo.get(v).isEmpty();
                heldOut[v % groups] |= heldOutByVideo.get(v).stream().anyMatch(Objects::nonNull);
            }
            boolean otherGroups = withoutOwnVideo && IntStream.range(0, groups).filter(g -> banked[g]).count() >= 2;
            // the banks without each group are independent k-means runs, each seeded alike: built in parallel, they come
            // out as they would one after another
            List<DensityBank> groupBanks = IntStream.range(0, groups).parallel()
                    .mapToObj(g -> otherGroups && heldOut[g] ? withoutGroup(bank, bankByVideo, g, groups, settings) : bank)
                    .toList();
            if (withoutOwnVideo) {
                meter.advance(groups);
            }
            List<Double> distances = new ArrayList<>();
            for (int v = 0; v < index.size(); v++) {
                DensityBank measure = groupBanks.get(v % groups);
                heldOutByVideo.get(v).forEach(x -> distances.add(x == null ? null : measure.distance(x)));
            }
            AttributeDensity density = AttributeDensity.calibrated(attribute, bank,
                    distances.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
            densities.add(density);
            validation.put(density.name(), distances.stream().mapToDouble(d -> d == null ? 0 : density.scoreOfDistance(d)).toArray());
            for (int g = 0; g < groups; g++) {
                DensityBank measure = groupBanks.get(g);
                byGroup.get(g).add(measure == bank ? density : new AttributeDensity(attribute, measure, density.median(), density.upper()));
            }
        }
        meter.finish();
        return new AttributeFitting(densities, validation, byGroup);
    }

    /**
     * Attribute {@code a}'s features of a video's validation objects (null where it does not describe one), in frame
     * order, or of the rest of its objects that it describes (the bank's).
     */
    private static List<float[]> features(VideoIndex v, int a, boolean validation) {
        List<float[]> out = new ArrayList<>();
        AttributeRecorder r = v.attributes;
        for (int f = 0; f < v.frames; f++) {
            int[] role = v.role.get(f);
            for (int i = 0; i < role.length; i++) {
                float[] features = r.features(f)[i][a];
                if (validation ? role[i] == 1 : role[i] != 1 && features != null) {
                    out.add(features);
                }
            }
        }
        return out;
    }

    /** The bank of every training video's objects but those of group {@code g}'s videos, in the whole bank's units. */
    private static DensityBank withoutGroup(DensityBank whole, List<List<float[]>> bankByVideo, int g, int groups,
                                            AttributeSettings settings) {
        List<float[]> others = new ArrayList<>();
        for (int u = 0; u < bankByVideo.size(); u++) {
            if (u % groups != g) {
                others.addAll(bankByVideo.get(u));
            }
        }
        return whole.fitInSameUnits(others, settings.neighboursFor(others.size()), settings.bankSize(), settings.seed());
    }
}
