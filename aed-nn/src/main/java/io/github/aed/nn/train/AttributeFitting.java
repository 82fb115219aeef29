package io.github.aed.nn.train;

import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeRecorder;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the attributes' density banks from the training videos' objects: every object that is not a validation object
 * goes into the bank, the validation objects calibrate it, and the validation objects' pseudo-anomalous versions
 * measure how well each attribute separates.
 *
 * @param densities  the trained attribute densities, in the settings' order
 * @param validation attribute name → calibrated score of every validation object, in the order of the task validation
 *                   scores (video, frame, detection)
 * @param pseudo     attribute name → calibrated scores of the validation objects' pseudo-anomalies
 */
record AttributeFitting(List<AttributeDensity> densities, Map<String, double[]> validation, Map<String, double[]> pseudo) {

    static AttributeFitting none() {
        return new AttributeFitting(List.of(), Map.of(), Map.of());
    }

    static AttributeFitting fit(List<VideoIndex> index, AttributeSettings settings) {
        List<ObjectAttribute> attributes = settings.attributes();
        List<AttributeDensity> densities = new ArrayList<>();
        Map<String, double[]> validation = new LinkedHashMap<>();
        Map<String, double[]> pseudo = new LinkedHashMap<>();
        for (int a = 0; a < attributes.size(); a++) {
            List<float[]> bank = new ArrayList<>();
            List<float[]> heldOut = new ArrayList<>();
            List<float[]> abnormal = new ArrayList<>();
            for (VideoIndex v : index) {
                AttributeRecorder r = v.attributes;
                for (int f = 0; f < v.frames; f++) {
                    int[] role = v.role.get(f);
                    for (int i = 0; i < role.length; i++) {
                        if (role[i] != 1) {
                            bank.add(r.normal(f)[i][a]);
                            continue;
                        }
                        heldOut.add(r.normal(f)[i][a]);
                        abnormal.add(r.larger(f)[i][a]);
                        if (r.faster(f) != null) {
                            abnormal.add(r.faster(f)[i][a]);
                        }
                    }
                }
            }
            AttributeDensity d = AttributeDensity.fit(attributes.get(a), bank, heldOut, settings);
            densities.add(d);
            validation.put(d.name(), heldOut.stream().mapToDouble(d::score).toArray());
            pseudo.put(d.name(), abnormal.stream().mapToDouble(d::score).toArray());
        }
        return new AttributeFitting(densities, validation, pseudo);
    }
}
