package io.idcardstream.engine.synthetic;

import io.idcardstream.engine.synthetic.SyntheticCardGenerator.Shot;
import java.util.ArrayList;
import java.util.List;

/** What the hard set renders: its benchmark cycle and its committed fixtures. */
final class HardPlan {

    /** Every hard variant with each side it supports, in declaration order: the order of the cycle. */
    static final List<Shot> KINDS = kinds();

    /**
     * The committed fixtures: two images per variant, one of each side where it has two, the rotated page's single
     * cards and its A4 sheet.
     */
    static final List<Shot> FIXTURES = fixtures();

    private HardPlan() {
    }

    /** {@code n} shots cycling through {@link #KINDS}. */
    static List<Shot> cycle(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count must be >= 1 but was " + n);
        }
        List<Shot> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plan.add(KINDS.get(i % KINDS.size()));
        }
        return plan;
    }

    private static List<Shot> kinds() {
        List<Shot> kinds = new ArrayList<>();
        for (HardVariant variant : HardVariant.values()) {
            variant.sides().forEach(sides -> kinds.add(new Shot(variant, sides)));
        }
        return List.copyOf(kinds);
    }

    private static List<Shot> fixtures() {
        List<Shot> plan = new ArrayList<>();
        for (HardVariant variant : HardVariant.values()) {
            List<Sides> sides = variant.sides();
            if (variant == HardVariant.PAGE_ROTATED) {
                sides.forEach(s -> plan.add(new Shot(variant, s, true)));
            } else {
                plan.add(new Shot(variant, sides.get(0), true));
                plan.add(new Shot(variant, sides.get(sides.size() - 1), true));
            }
        }
        return List.copyOf(plan);
    }
}
