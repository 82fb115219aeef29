package io.github.aed.nn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.aed.nn.TinyScenes;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the built-in tasks' sample generation. */
class TaskSampleProperties {

    private static TrainingObject object(long seed) {
        return TinyScenes.movingSquare(seed, 3, 15, 8, new float[] {0.7f});
    }

    @Test
    void aReversedSelectionReversedAgainIsTheOriginal() {
        qt().forAll(integers().between(1, 12), longs().all()).check((radius, seed) -> {
            FrameSelection s = FrameSelection.consecutive(radius, new SplittableRandom(seed).nextBoolean());
            return s.reversed().reversed().equals(s) && (s.length() < 2 || !s.reversed().equals(s));
        });
    }

    @Test
    void arrowOfTimeReversesExactlyTheBackwardSamples() {
        ArrowOfTime task = new ArrowOfTime();
        qt().forAll(longs().all()).check(seed -> {
            TaskSample s = task.sample(object(1), null, new SplittableRandom(seed));
            boolean backward = s.target()[1] == 1f;
            FrameSelection forward = FrameSelection.consecutive(3, true);
            return s.target()[0] + s.target()[1] == 1f
                    && s.input().equals(backward ? forward.reversed() : forward)
                    && Arrays.stream(s.input().offsets()).noneMatch(o -> o == 0);
        });
    }

    @Test
    void intermittentSequencesHaveGapsOneToThreeWithinNineFrames() {
        MotionIrregularity task = new MotionIrregularity();
        qt().forAll(longs().all()).check(seed -> {
            TaskSample s = task.sample(object(2), null, new SplittableRandom(seed));
            int[] o = s.input().offsets();
            if (o.length != 7) {
                return false;
            }
            if (s.target()[1] == 1f) {
                if (o[3] != 0) {
                    return false;
                }
                for (int i = 1; i < 7; i++) {
                    int gap = o[i] - o[i - 1];
                    if (gap < 1 || gap > 3) {
                        return false;
                    }
                }
                return o[0] >= -9 && o[6] <= 9;
            }
            FrameSelection c = FrameSelection.consecutive(3, false);
            return s.target()[0] == 1f && (s.input().equals(c) || s.input().equals(c.reversed()));
        });
    }

    @Test
    void intermittentOffsetsFollowTheGapFormula() {
        qt().forAll(integers().between(0, 728)).checkAssert(code -> {
            int[] g = new int[6];
            for (int i = 0, c = code; i < 6; i++, c /= 3) {
                g[i] = 1 + c % 3;
            }
            int[] o = MotionIrregularity.intermittent(g).offsets();
            assertArrayEquals(new int[] {-(g[0] + g[1] + g[2]), -(g[1] + g[2]), -g[2], 0, g[3], g[3] + g[4], g[3] + g[4] + g[5]}, o);
        });
    }

    @Test
    void bothMotionLabelsOccurAboutEquallyOften() {
        MotionIrregularity task = new MotionIrregularity();
        int intermittent = 0;
        for (int i = 0; i < 2000; i++) {
            intermittent += (int) task.sample(object(3), null, new SplittableRandom(i)).target()[1];
        }
        assertEquals(1000, intermittent, 100);
    }

    @Test
    void middleBoxTargetIsTheMiddleCropWhateverTheInput() {
        MiddleBox shared = new MiddleBox();
        MiddleBox own = MiddleBox.standalone(1);
        qt().forAll(longs().all()).checkAssert(seed -> {
            TrainingObject o = object(seed);
            float[] middle = new float[o.frameLength()];
            o.copyFrame(0, middle, 0);
            TaskSample s = shared.sample(o, FrameSelection.consecutive(3, true).reversed(), new SplittableRandom(seed));
            assertArrayEquals(middle, s.target());
            assertEquals(null, s.input());
            TaskSample t = own.sample(o, null, new SplittableRandom(seed));
            assertArrayEquals(middle, t.target());
            assertEquals(6, t.input().length());
        });
    }

    @Test
    void distillationUsesTheForwardSequenceAndTheTeacherOutputs() {
        KnowledgeDistillation task = new KnowledgeDistillation(new DetectorConfidenceTeacher(1));
        qt().forAll(longs().all()).checkAssert(seed -> {
            TaskSample s = task.sample(object(seed), null, new SplittableRandom(seed));
            assertEquals(FrameSelection.consecutive(3, false), s.input());
            assertArrayEquals(new float[] {0.7f}, s.target());
        });
        TrainingObject noTeacher = TinyScenes.movingSquare(1, 3, 15, 8, null);
        assertEquals(false, task.sample(noTeacher, null, new SplittableRandom(1)).applies());
    }
}
