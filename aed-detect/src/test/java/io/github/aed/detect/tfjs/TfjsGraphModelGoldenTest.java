package io.github.aed.detect.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs both shipped-beside COCO detectors on the golden Ped2 frame and compares every output with what TensorFlow.js
 * computed, within the tolerances its README gives for a second TensorFlow.js backend.
 */
class TfjsGraphModelGoldenTest {

    @Test
    void nanodetMatchesTensorFlowJs() {
        Path dir = SharedModels.cocoTfjs();
        TfjsGraphModel model = TfjsGraphModel.load(dir.resolve("nanodet.json"));
        Map<String, INDArray> out = model.run(Map.of("input_1", SharedModels.npy(dir.resolve("golden/nanodet-input.npy"))));
        String[][] golden = {
            {"Identity", "nanodet-Identity-1x2704x80.npy"}, {"Identity_1", "nanodet-Identity_1-1x676x80.npy"},
            {"Identity_2", "nanodet-Identity_2-1x169x80.npy"}, {"Identity_3", "nanodet-Identity_3-1x2704x44.npy"},
            {"Identity_4", "nanodet-Identity_4-1x676x44.npy"}, {"Identity_5", "nanodet-Identity_5-1x169x44.npy"}};
        INDArray input = SharedModels.npy(dir.resolve("golden/nanodet-input.npy"));
        Map<String, INDArray> fromView = model.run(Map.of("input_1", input.permute(0, 2, 3, 1).dup('c').permute(0, 3, 1, 2)));
        for (String[] g : golden) {
            INDArray expected = SharedModels.npy(dir.resolve("golden").resolve(g[1]));
            assertClose(g[0], expected, out.get(g[0]), 1e-4);
            assertClose(g[0] + " (input an NCHW view of NHWC data, as CocoDetector passes it)", expected, fromView.get(g[0]), 1e-4);
        }
    }

    @Test
    void centernetMatchesTensorFlowJs() {
        Path dir = SharedModels.cocoTfjs();
        TfjsGraphModel model = TfjsGraphModel.load(dir.resolve("centernet.json"));
        Map<String, INDArray> out = model.run(Map.of("tower_0/images",
                SharedModels.npy(dir.resolve("golden/centernet-input.npy"))));
        assertClose("keypoints", SharedModels.npy(dir.resolve("golden/centernet-keypoints.npy")), out.get("tower_0/keypoints"), 1e-5);
        assertClose("wh", SharedModels.npy(dir.resolve("golden/centernet-wh.npy")), out.get("tower_0/wh"), 1e-2);
        assertClose("detections", SharedModels.npy(dir.resolve("golden/centernet-detections.npy")),
                out.get("tower_0/detections"), 1e-3);
    }

    private static void assertClose(String name, INDArray expected, INDArray actual, double tolerance) {
        assertArrayEquals(expected.shape(), actual.shape(), name + " shape");
        double worst = expected.castTo(actual.dataType()).sub(actual).amaxNumber().doubleValue();
        System.out.printf("%s: max |difference| %.3g (tolerance %.1g)%n", name, worst, tolerance);
        assertTrue(worst <= tolerance, name + ": max |difference| " + worst + " exceeds " + tolerance);
    }
}
