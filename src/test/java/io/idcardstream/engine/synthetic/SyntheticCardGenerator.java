package io.idcardstream.engine.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes synthetic card images and their labels.json. Without {@code --count} it writes the committed fixture set
 * (every variant, hard ones included); with {@code --count N} it writes N readable images cycling through the
 * variants, for benchmarks. {@code --hard-set} does the same with the hard set's variants ({@link HardVariant}).
 * The same seed gives the same images on the same JDK.
 *
 * <p>Run by {@code bench/generate-synthetic.sh}. Single-threaded.
 */
@Command(name = "generate-synthetic", mixinStandardHelpOptions = true,
        description = "Render synthetic ID card images with labels.json (needs fonts-wqy-zenhei, fonts-dejavu-core).")
public final class SyntheticCardGenerator implements Callable<Integer> {

    /** The committed fixture set: each variant with the sides it is tested on. */
    static final List<Shot> FIXTURE_PLAN = List.of(
            new Shot(Variant.CLEAN, Sides.FRONT), new Shot(Variant.CLEAN, Sides.FRONT),
            new Shot(Variant.CLEAN, Sides.FRONT), new Shot(Variant.CLEAN, Sides.BACK),
            new Shot(Variant.CLEAN, Sides.BACK),
            new Shot(Variant.PHOTO, Sides.FRONT), new Shot(Variant.PHOTO, Sides.FRONT),
            new Shot(Variant.PHOTO, Sides.FRONT), new Shot(Variant.PHOTO, Sides.BACK),
            new Shot(Variant.PHOTO, Sides.BACK),
            new Shot(Variant.SKEW, Sides.FRONT), new Shot(Variant.SKEW, Sides.FRONT), new Shot(Variant.SKEW, Sides.BACK),
            new Shot(Variant.UPSIDE_DOWN, Sides.FRONT), new Shot(Variant.UPSIDE_DOWN, Sides.FRONT),
            new Shot(Variant.UPSIDE_DOWN, Sides.BACK),
            new Shot(Variant.ROTATED_90, Sides.FRONT), new Shot(Variant.ROTATED_90, Sides.BACK),
            new Shot(Variant.ROTATED_270, Sides.FRONT), new Shot(Variant.ROTATED_270, Sides.BACK),
            new Shot(Variant.PHOTOCOPY, Sides.FRONT), new Shot(Variant.PHOTOCOPY, Sides.FRONT),
            new Shot(Variant.PHOTOCOPY, Sides.BACK),
            new Shot(Variant.RESHOOT, Sides.FRONT), new Shot(Variant.RESHOOT, Sides.FRONT),
            new Shot(Variant.RESHOOT, Sides.BACK),
            new Shot(Variant.STAMP, Sides.FRONT), new Shot(Variant.STAMP, Sides.FRONT),
            new Shot(Variant.BOTH_SIDES, Sides.BOTH), new Shot(Variant.BOTH_SIDES, Sides.BOTH),
            new Shot(Variant.OTHER_CARD_NEARBY, Sides.FRONT), new Shot(Variant.OTHER_CARD_NEARBY, Sides.BACK),
            new Shot(Variant.HARD, Sides.FRONT), new Shot(Variant.HARD, Sides.FRONT), new Shot(Variant.HARD, Sides.BACK));

    @Option(names = "--count", description = "Write this many readable images cycling through the variants"
            + " (default: the committed fixture plan).")
    Integer count;

    @Option(names = "--with-hard", description = "With --count, include the unreadable HARD variant in the cycle.")
    boolean withHard;

    @Option(names = "--hard-set", description = "The hard set (issue 10) instead of the readable variants: with"
            + " --count N, N images cycling through the hard variants and their sides; else its fixture plan.")
    boolean hardSet;

    @Option(names = "--fixtures", description = "The committed fixture plan (the default without --count).")
    boolean fixtures;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "3", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyntheticCardGenerator()).setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (fixtures && count != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--fixtures and --count exclude each other");
        }
        if (hardSet && withHard) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--with-hard is for the readable cycle,"
                    + " not --hard-set");
        }
        List<Shot> plan = hardSet
                ? (count == null ? HardPlan.FIXTURES : HardPlan.cycle(count))
                : (count == null ? FIXTURE_PLAN : cycle(count, withHard));
        CardFonts fonts = CardFonts.load();
        Files.createDirectories(out);
        List<SyntheticImage> images = generate(plan, fonts, seed);
        for (SyntheticImage image : images) {
            Files.write(out.resolve(image.file()), image.jpeg());
        }
        String command = "bench/generate-synthetic.sh" + (hardSet ? " --hard-set" : "")
                + (fixtures ? " --fixtures" : "") + (count == null ? "" : " --count " + count)
                + (withHard ? " --with-hard" : "") + " --seed " + seed + " --out <dir>";
        LabelsJson.write(out.resolve("labels.json"), images, command, seed);
        System.out.println("wrote " + images.size() + " images and labels.json to " + out);
        return 0;
    }

    /** Renders the plan; item i depends only on the seed and i, so plans that share a prefix share its images. */
    static List<SyntheticImage> generate(List<Shot> plan, CardFonts fonts, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        List<SyntheticImage> images = new ArrayList<>();
        Map<Recipe, Integer> occurrences = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            Shot shot = plan.get(i);
            SplittableRandom item = master.split();
            SplittableRandom people = item.split();
            SplittableRandom art = item.split();
            SplittableRandom camera = item.split();
            int occurrence = occurrences.merge(shot.recipe(), 1, Integer::sum) - 1;
            SyntheticIdentity identity = shot.recipe().identity(new IdentityGenerator(people).next(), occurrence,
                    fonts, item.split());
            CardPrinter printer = new CardPrinter(fonts, identity, art);
            Capture capture = shot.recipe().shoot(printer, shot.sides(), shot.fixture(), camera);
            byte[] jpeg = Jpeg.encode(capture.image(), capture.jpegQuality());
            String file = String.format("%03d_%s_%s.jpg", i + 1, shot.recipe().label(),
                    shot.sides().name().toLowerCase(Locale.ROOT));
            images.add(new SyntheticImage(file, shot.recipe(), shot.sides(), identity, capture, jpeg));
        }
        return images;
    }

    /** {@code n} shots cycling through every readable variant and side (stamps on fronts, both sides together). */
    static List<Shot> cycle(int n, boolean withHard) {
        if (n < 1) {
            throw new IllegalArgumentException("count must be >= 1 but was " + n);
        }
        List<Shot> kinds = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            if (!variant.readable() && !withHard) {
                continue;
            }
            switch (variant) {
                case STAMP -> kinds.add(new Shot(variant, Sides.FRONT));
                case BOTH_SIDES -> kinds.add(new Shot(variant, Sides.BOTH));
                default -> {
                    kinds.add(new Shot(variant, Sides.FRONT));
                    kinds.add(new Shot(variant, Sides.BACK));
                }
            }
        }
        List<Shot> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plan.add(kinds.get(i % kinds.size()));
        }
        return plan;
    }

    /**
     * One planned image: a capture recipe and the side(s) it shows.
     *
     * @param fixture a committed fixture (pages at the lowest realistic resolution, to keep the repository small)
     */
    record Shot(Recipe recipe, Sides sides, boolean fixture) {

        Shot(Recipe recipe, Sides sides) {
            this(recipe, sides, false);
        }
    }
}
