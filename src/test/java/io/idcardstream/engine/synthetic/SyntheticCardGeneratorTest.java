package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.engine.synthetic.SyntheticCardGenerator.Shot;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCardGeneratorTest {

    private static final List<Shot> READABLE_KINDS = List.of(
            new Shot(Variant.CLEAN, Sides.FRONT), new Shot(Variant.CLEAN, Sides.BACK),
            new Shot(Variant.PHOTO, Sides.FRONT), new Shot(Variant.PHOTO, Sides.BACK),
            new Shot(Variant.SKEW, Sides.FRONT), new Shot(Variant.SKEW, Sides.BACK),
            new Shot(Variant.UPSIDE_DOWN, Sides.FRONT), new Shot(Variant.UPSIDE_DOWN, Sides.BACK),
            new Shot(Variant.ROTATED_90, Sides.FRONT), new Shot(Variant.ROTATED_90, Sides.BACK),
            new Shot(Variant.ROTATED_270, Sides.FRONT), new Shot(Variant.ROTATED_270, Sides.BACK),
            new Shot(Variant.PHOTOCOPY, Sides.FRONT), new Shot(Variant.PHOTOCOPY, Sides.BACK),
            new Shot(Variant.RESHOOT, Sides.FRONT), new Shot(Variant.RESHOOT, Sides.BACK),
            new Shot(Variant.STAMP, Sides.FRONT),
            new Shot(Variant.BOTH_SIDES, Sides.BOTH),
            new Shot(Variant.OTHER_CARD_NEARBY, Sides.FRONT), new Shot(Variant.OTHER_CARD_NEARBY, Sides.BACK));

    @Test
    void shouldCycleThroughEveryReadableVariantAndSide() {
        // Given a benchmark run of 45 images, when planned, then it cycles the 20 readable kinds in order
        List<Shot> plan = SyntheticCardGenerator.cycle(45, false);

        assertThat(plan).hasSize(45);
        assertThat(plan.subList(0, 20)).isEqualTo(READABLE_KINDS);
        assertThat(plan.subList(20, 40)).isEqualTo(READABLE_KINDS);
        assertThat(plan.subList(40, 45)).isEqualTo(READABLE_KINDS.subList(0, 5));
    }

    @Test
    void shouldAddTheHardVariantOnlyWhenAsked() {
        // Given a plan with the hard variant, when planned, then the hard front and back follow the readable kinds
        assertThat(SyntheticCardGenerator.cycle(22, true).subList(20, 22))
                .containsExactly(new Shot(Variant.HARD, Sides.FRONT), new Shot(Variant.HARD, Sides.BACK));
    }

    @Test
    void shouldRefuseAnEmptyRun() {
        assertThatThrownBy(() -> SyntheticCardGenerator.cycle(0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1 but was 0");
    }

    @Test
    void shouldPlanFixturesOfEveryVariant() {
        // Given the committed fixture plan, when its variants are listed, then every variant appears
        assertThat(SyntheticCardGenerator.FIXTURE_PLAN).hasSize(35);
        assertThat(SyntheticCardGenerator.FIXTURE_PLAN.stream().map(Shot::recipe).distinct())
                .containsExactlyInAnyOrder(Variant.values());
        assertThat(Arrays.stream(Variant.values()).filter(v -> !v.readable())).containsExactly(Variant.HARD);
    }
}
