package io.idcardstream.engine.synthetic;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How one image is captured: each variant composes a scene from the printed card(s) and then applies its
 * distortions. Carries the metadata labels.json records for it.
 */
enum Variant implements Recipe {
    CLEAN("rendered", "color", true, 0.92f, List.of("clean")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            return flat(cards.side(sides, CardLayout.WIDTH), 0, 236);
        }
    },
    PHOTO("photo", "color", true, 0.8f, List.of("handheld", "perspective", "uneven_light")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            return photo(cards, sides, random, random.nextDouble(0.62, 0.78), random.nextDouble(-8, 8),
                    random.nextDouble(0.04, 0.14), 1, 6);
        }
    },
    SKEW("photo", "color", true, 0.72f, List.of("skewed", "perspective", "uneven_light")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            double degrees = (random.nextBoolean() ? 1 : -1) * random.nextDouble(12, 20);
            return photo(cards, sides, random, random.nextDouble(0.58, 0.68), degrees, random.nextDouble(0.14, 0.22),
                    1, 8);
        }
    },
    UPSIDE_DOWN("photo", "color", true, 0.78f, List.of("upside_down", "perspective")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            return photo(cards, sides, random, random.nextDouble(0.62, 0.75), 180 + random.nextDouble(-8, 8),
                    random.nextDouble(0.04, 0.14), 1, 6);
        }

        @Override
        int rotationCwToUpright() {
            return 180;
        }
    },
    ROTATED_90("photo", "color", true, 0.78f, List.of("rotated_90", "perspective")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            return Distortions.quarterTurnsClockwise(1).apply(PHOTO.capture(cards, sides, random), random);
        }

        @Override
        int rotationCwToUpright() {
            return 270;
        }
    },
    ROTATED_270("photo", "color", true, 0.78f, List.of("rotated_270", "perspective")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            return Distortions.quarterTurnsClockwise(3).apply(PHOTO.capture(cards, sides, random), random);
        }

        @Override
        int rotationCwToUpright() {
            return 90;
        }
    },
    PHOTOCOPY("photocopy", "grayscale", true, 0.8f, List.of("grayscale_copy", "toner_noise")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            Scene scene = new Scene(Backgrounds.paper(PHOTO_WIDTH, PHOTO_HEIGHT, random));
            double width = PHOTO_WIDTH * random.nextDouble(0.62, 0.72);
            scene.place(cards.side(sides, (int) (width * 1.1)), Scene.quad(PHOTO_WIDTH / 2.0, PHOTO_HEIGHT / 2.0,
                    width, ASPECT, random.nextDouble(-3, 3), 0, 0));
            return Photocopy.distortion().apply(scene.image(), random);
        }
    },
    RESHOOT("screen_reshoot", "color", true, 0.8f, List.of("laptop_screen", "moire", "pixel_grid", "colour_cast",
            "perspective")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            BufferedImage screen = ScreenReshoot.screen(cards.side(sides, 820), 1040, 650, random);
            Scene scene = new Scene(Backgrounds.flat(PHOTO_WIDTH, PHOTO_HEIGHT, 24));
            scene.place(screen, Scene.quad(PHOTO_WIDTH / 2.0 + random.nextDouble(-20, 20), PHOTO_HEIGHT / 2.0,
                    PHOTO_WIDTH * random.nextDouble(0.90, 0.97), 1040 / 650.0, random.nextDouble(-4, 4),
                    random.nextDouble(0.04, 0.10), random.nextInt(4)));
            return ScreenReshoot.moire(0.06).then(Distortions.boxBlur(1)).then(Distortions.gaussianNoise(5))
                    .apply(scene.image(), random);
        }
    },
    STAMP("scan", "color", true, 0.88f, List.of("specimen_stamp")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            if (sides != Sides.FRONT) {
                throw new IllegalArgumentException("sides must be FRONT for a stamped card but was " + sides);
            }
            return Distortions.boxBlur(1).then(Distortions.gaussianNoise(3))
                    .apply(flat(cards.stampedFront(CardLayout.WIDTH), 12, 250), random);
        }
    },
    BOTH_SIDES("photo", "color", true, 0.8f, List.of("two_sides_stacked")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            if (sides != Sides.BOTH) {
                throw new IllegalArgumentException("sides must be BOTH for a two-sided image but was " + sides);
            }
            int w = 900;
            int h = 1200;
            Scene scene = new Scene(Backgrounds.table(w, h, random));
            double width = w * random.nextDouble(0.80, 0.88);
            scene.place(cards.front((int) (width * 1.1)), Scene.quad(w / 2.0, h * 0.27, width, ASPECT,
                    random.nextDouble(-3, 3), 0, 0));
            scene.place(cards.back((int) (width * 1.1)), Scene.quad(w / 2.0, h * 0.73, width, ASPECT,
                    random.nextDouble(-3, 3), 0, 0));
            return Distortions.unevenLight(0.2).then(Distortions.gaussianNoise(4)).apply(scene.image(), random);
        }
    },
    OTHER_CARD_NEARBY("photo", "color", true, 0.8f, List.of("other_card_nearby", "perspective")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            Scene scene = new Scene(Backgrounds.table(PHOTO_WIDTH, PHOTO_HEIGHT, random));
            double width = PHOTO_WIDTH * random.nextDouble(0.52, 0.58);
            scene.place(cards.distractor(500), Scene.quad(PHOTO_WIDTH * 0.84, PHOTO_HEIGHT * random.nextDouble(0.3, 0.7),
                    PHOTO_WIDTH * 0.42, ASPECT, random.nextDouble(15, 30), 0.05, random.nextInt(4)));
            scene.place(cards.side(sides, (int) (width * 1.15)), Scene.quad(PHOTO_WIDTH * 0.36, PHOTO_HEIGHT * 0.5,
                    width, ASPECT, random.nextDouble(-6, 6), random.nextDouble(0.03, 0.10), random.nextInt(4)));
            return Distortions.unevenLight(0.2).then(Distortions.boxBlur(1)).then(Distortions.gaussianNoise(5))
                    .apply(scene.image(), random);
        }
    },
    HARD("photo", "color", false, 0.4f, List.of("small", "blur", "heavy_noise", "low_jpeg_quality",
            "perspective")) {
        @Override
        BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random) {
            Scene scene = new Scene(Backgrounds.table(PHOTO_WIDTH, PHOTO_HEIGHT, random));
            double width = PHOTO_WIDTH * random.nextDouble(0.34, 0.40);
            scene.place(cards.side(sides, (int) (width * 1.15)), Scene.quad(PHOTO_WIDTH / 2.0, PHOTO_HEIGHT / 2.0,
                    width, ASPECT, random.nextDouble(-10, 10), random.nextDouble(0.25, 0.32), random.nextInt(4)));
            return Distortions.unevenLight(0.35).then(Distortions.boxBlur(2)).then(Distortions.jpeg(0.3f))
                    .then(Distortions.gaussianNoise(12)).apply(scene.image(), random);
        }
    };

    static final int PHOTO_WIDTH = 1024;
    static final int PHOTO_HEIGHT = 768;
    static final double ASPECT = (double) CardLayout.WIDTH / CardLayout.HEIGHT;

    private final String capture;
    private final String color;
    private final boolean readable;
    private final float jpegQuality;
    private final List<String> tags;

    Variant(String capture, String color, boolean readable, float jpegQuality, List<String> tags) {
        this.capture = capture;
        this.color = color;
        this.readable = readable;
        this.jpegQuality = jpegQuality;
        this.tags = tags;
    }

    /** The image of the given side(s) as this variant captures it. */
    abstract BufferedImage capture(CardPrinter cards, Sides sides, RandomGenerator random);

    @Override
    public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
        return Capture.of(capture(cards, sides, random), this, jpegQuality, sides, rotationCwToUpright());
    }

    /** Degrees to turn the image clockwise so the card is upright (small tilts count as upright). */
    int rotationCwToUpright() {
        return 0;
    }

    @Override
    public String captureLabel() {
        return capture;
    }

    @Override
    public String colorLabel() {
        return color;
    }

    @Override
    public boolean readable() {
        return readable;
    }

    float jpegQuality() {
        return jpegQuality;
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    /** The file-name and labels.json form: {@code upside_down}. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static BufferedImage flat(BufferedImage card, int margin, int grey) {
        Scene scene = new Scene(Backgrounds.flat(card.getWidth() + 2 * margin, card.getHeight() + 2 * margin, grey));
        scene.placeFlat(card, new double[] {margin, margin, margin + card.getWidth(), margin,
            margin + card.getWidth(), margin + card.getHeight(), margin, margin + card.getHeight()});
        return scene.image();
    }

    private static BufferedImage photo(CardPrinter cards, Sides sides, RandomGenerator random, double widthFraction,
            double degrees, double keystone, int blur, double noise) {
        Scene scene = new Scene(Backgrounds.table(PHOTO_WIDTH, PHOTO_HEIGHT, random));
        double width = PHOTO_WIDTH * widthFraction;
        double centreX = PHOTO_WIDTH / 2.0 + random.nextDouble(-30, 30);
        double centreY = PHOTO_HEIGHT / 2.0 + random.nextDouble(-20, 20);
        scene.place(cards.side(sides, (int) (width * 1.15)), Scene.quad(centreX, centreY, width, ASPECT, degrees,
                keystone, random.nextInt(4)));
        return Distortions.unevenLight(0.25).then(Distortions.boxBlur(blur)).then(Distortions.gaussianNoise(noise))
                .apply(scene.image(), random);
    }
}
