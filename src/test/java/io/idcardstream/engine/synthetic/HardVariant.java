package io.idcardstream.engine.synthetic;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The hard set (issue 10): captures modelled on what idcards-dev2 shows beyond the readable variants — copy-control
 * stamps over field text, watermarks, two cards on an A4 copy, pages turned by any angle, small cards, bad copies
 * saved as poor JPEGs, glare, three-line addresses, all 56 nations, ID numbers ending in X, app screenshots,
 * competition-style grey crops and upscaled low-resolution renders. Every image stays readable by a person: stamps
 * and glare cover part of a line, never a whole field.
 */
enum HardVariant implements Recipe {
    STAMP_RED("scan", "color", List.of("copy_stamp", "red_ink"), Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, CardLayout.WIDTH, CardStyle.REAL);
            String[] where = CopyStamps.stamp(card, sides, cards.fonts().cjk(), CopyStamps.RED, random)
                    .toArray(String[]::new);
            if (random.nextBoolean()) {
                BufferedImage scan = Distortions.boxBlur(1).then(Distortions.gaussianNoise(3))
                        .apply(flat(card, 14, 246), random);
                return Capture.of(scan, this, 0.85f, sides, 0).withTags(where);
            }
            BufferedImage photo = onTable(card, random.nextDouble(0.6, 0.75), random.nextDouble(-6, 6),
                    random.nextDouble(0.03, 0.1), random);
            return Capture.of(photo, this, 0.85f, sides, 0).withColor("photo", "color").withTags(where);
        }
    },
    STAMP_GREY("synthetic_photocopy", "grayscale", List.of("copy_stamp", "dark_ink", "grayscale_card"),
            Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, CardLayout.WIDTH, CardStyle.REAL);
            CardInk.grey(card, random.nextInt(20, 45), random.nextInt(200, 228));
            List<String> where = CopyStamps.stamp(card, sides, cards.fonts().cjk(), CopyStamps.DARK_GREY, random);
            BufferedImage image = crop(card, random.nextInt(447, 640), random.nextInt(150, 200), random);
            return Capture.of(image, this, 0.8f, sides, 0).withTags(where.toArray(String[]::new));
        }
    },
    WATERMARK("scan", "color", List.of("watermark", "guilloche_overlay"), Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, CardLayout.WIDTH, CardStyle.REAL);
            Watermarks.guilloche(card, random);
            String line = Watermarks.LINES.get(random.nextInt(Watermarks.LINES.size()));
            boolean diagonal = random.nextBoolean();
            if (diagonal) {
                Watermarks.diagonal(card, cards.fonts().cjk(), line, random);
            } else {
                Watermarks.topLeft(card, cards.fonts().cjk(), line, random.nextInt(90, 170));
            }
            BufferedImage image = Distortions.boxBlur(1).then(Distortions.gaussianNoise(3))
                    .apply(flat(card, 12, 244), random);
            return Capture.of(image, this, 0.85f, sides, 0)
                    .withTags(diagonal ? "watermark_diagonal" : "watermark_text_top_left");
        }
    },
    A4_TWO_CARDS("scan", "color", List.of("a4_page", "two_cards_one_page"), Sides.BOTH) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            int dpi = fixture ? 150 : random.nextInt(150, 301);
            A4Page.Sheet sheet = A4Page.scan(cards, dpi, random);
            boolean copied = random.nextBoolean();
            BufferedImage image = copied ? Photocopy.distortion().apply(sheet.image(), random) : sheet.image();
            Capture capture = Capture.of(image, this, 0.8f, sides, 0)
                    .withTags(sheet.frontAbove() ? "front_above_back" : "back_above_front", "dpi_" + dpi);
            return copied ? capture.withColor("photocopy", "grayscale").withTags("grayscale_copy") : capture;
        }
    },
    PAGE_ROTATED("photo", "color", List.of("arbitrary_rotation"), Sides.FRONT, Sides.BACK, Sides.BOTH) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            double turn = random.nextDouble(360);
            if (sides == Sides.BOTH) {
                A4Page.Sheet sheet = A4Page.scan(cards, 150, random);
                double cardWidth = random.nextDouble(400, 480);
                double scale = cardWidth / (A4Page.CARD_WIDTH_MM / 25.4 * 150);
                int canvas = (int) Math.ceil(Math.hypot(sheet.image().getWidth(), sheet.image().getHeight()) * scale)
                        + 40;
                Scene scene = new Scene(Backgrounds.table(canvas, canvas, random));
                scene.place(sheet.image(), Scene.quad(canvas / 2.0, canvas / 2.0, sheet.image().getWidth() * scale,
                        A4Page.A4_WIDTH_MM / A4Page.A4_HEIGHT_MM, turn, 0, 0));
                BufferedImage image = Distortions.unevenLight(0.2).then(Distortions.gaussianNoise(3))
                        .apply(scene.image(), random);
                return Capture.of(image, this, 0.82f, sides, 0).turned("front", 360 - turn - sheet.frontTilt())
                        .turned("back", 360 - turn - sheet.backTilt()).withTags("a4_page", "two_cards_one_page");
            }
            int size = 1000;
            Scene scene = new Scene(Backgrounds.table(size, size, random));
            double width = random.nextDouble(520, 620);
            scene.place(cards.side(sides, (int) (width * 1.15)), Scene.quad(size / 2.0, size / 2.0, width,
                    Variant.ASPECT, turn, random.nextDouble(0, 0.08), random.nextInt(4)));
            BufferedImage image = Distortions.unevenLight(0.2).then(Distortions.boxBlur(1))
                    .then(Distortions.gaussianNoise(4)).apply(scene.image(), random);
            return Capture.of(image, this, 0.82f, sides, 0).turned(sides.labels().get(0), 360 - turn);
        }
    },
    SMALL_CARD("photo", "color", List.of("small_card", "card_centred_small_in_frame"), Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            // Under ~320 px the real layout's characters are under 10 px high, blurred by the capture: not legible to
            // a person either; deliberately unreadable cards are the readable set's HARD variant (SyntheticCardsTest).
            double width = random.nextDouble(320, 400);
            Scene scene = new Scene(Backgrounds.table(Variant.PHOTO_WIDTH, Variant.PHOTO_HEIGHT, random));
            scene.place(cards.side(sides, (int) (width * 1.4)), Scene.quad(
                    Variant.PHOTO_WIDTH / 2.0 + random.nextDouble(-150, 150),
                    Variant.PHOTO_HEIGHT / 2.0 + random.nextDouble(-100, 100), width, Variant.ASPECT,
                    random.nextDouble(-8, 8), random.nextDouble(0.02, 0.08), random.nextInt(4)));
            BufferedImage image = Distortions.unevenLight(0.2).then(Distortions.boxBlur(random.nextInt(2)))
                    .then(Distortions.gaussianNoise(3)).apply(scene.image(), random);
            return Capture.of(image, this, 0.88f, sides, 0);
        }
    },
    PHOTOCOPY_JPEG("photocopy", "grayscale", List.of("grayscale_copy", "toner_noise", "streaks", "contrast_loss",
            "low_jpeg_quality"), Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            Scene scene = new Scene(Backgrounds.paper(Variant.PHOTO_WIDTH, Variant.PHOTO_HEIGHT, random));
            double width = Variant.PHOTO_WIDTH * random.nextDouble(0.6, 0.72);
            scene.place(cards.side(sides, (int) (width * 1.1)), Scene.quad(Variant.PHOTO_WIDTH / 2.0,
                    Variant.PHOTO_HEIGHT / 2.0, width, Variant.ASPECT, random.nextDouble(-3, 3), 0, 0));
            BufferedImage image = Photocopy.distortion().then(HardVariant::wornCopier).apply(scene.image(), random);
            return Capture.of(image, this, (float) random.nextDouble(0.35, 0.55), sides, 0);
        }
    },
    PERSPECTIVE_GLARE("photo", "color", List.of("perspective", "strong_keystone", "glare"), Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, 900, CardStyle.REAL);
            int patches = CardInk.glare(card, sides, random);
            BufferedImage image = onTable(card, random.nextDouble(0.62, 0.74), random.nextDouble(-10, 10),
                    random.nextDouble(0.22, 0.32), random);
            return Capture.of(image, this, 0.85f, sides, 0).withTags(patches == 1 ? "one_glare" : "two_glares");
        }
    },
    THREE_LINE_ADDRESS("photo", "color", List.of("address_three_lines"), Sides.FRONT) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, 980, CardStyle.REAL);
            return Capture.of(onTable(card, random.nextDouble(0.62, 0.76), random.nextDouble(-6, 6),
                    random.nextDouble(0.03, 0.12), random), this, 0.85f, sides, 0);
        }

        @Override
        public SyntheticIdentity identity(SyntheticIdentity drawn, int occurrence, CardFonts fonts,
                RandomGenerator random) {
            return HardIdentities.withThreeLineAddress(drawn, fonts, random);
        }
    },
    ALL_NATIONS("photo", "color", List.of("nation_cycle"), Sides.FRONT) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, 980, CardStyle.REAL);
            return Capture.of(onTable(card, random.nextDouble(0.62, 0.76), random.nextDouble(-6, 6),
                    random.nextDouble(0.03, 0.1), random), this, 0.85f, sides, 0);
        }

        @Override
        public SyntheticIdentity identity(SyntheticIdentity drawn, int occurrence, CardFonts fonts,
                RandomGenerator random) {
            return HardIdentities.withNation(drawn,
                    HardIdentities.NATION_CYCLE.get(occurrence % HardIdentities.NATION_CYCLE.size()));
        }
    },
    CHECK_DIGIT_X("rendered", "color", List.of("id_ends_with_x"), Sides.FRONT) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            return switch (random.nextInt(3)) {
                case 0 -> Capture.of(flat(cards.side(sides, CardLayout.WIDTH, CardStyle.REAL), 0, 236), this, 0.9f,
                        sides, 0).withTags("clean");
                case 1 -> Capture.of(onTable(cards.side(sides, 980, CardStyle.REAL), random.nextDouble(0.62, 0.76),
                        random.nextDouble(-8, 8), random.nextDouble(0.04, 0.14), random), this, 0.8f, sides, 0)
                        .withColor("photo", "color").withTags("handheld", "perspective");
                default -> Capture.of(upscaledLowRes(cards, sides, random), this, 0.88f, sides, 0)
                        .withTags("upscaled_low_res");
            };
        }

        @Override
        public SyntheticIdentity identity(SyntheticIdentity drawn, int occurrence, CardFonts fonts,
                RandomGenerator random) {
            return HardIdentities.withIdEndingInX(drawn, random);
        }
    },
    APP_SCREENSHOT("rendered", "color", List.of("app_screenshot", "ui_form_repeats_values"), Sides.BOTH) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            boolean sideBySide = random.nextBoolean();
            return Capture.of(AppScreenshot.render(cards, sideBySide), this, 0.9f, sides, 0)
                    .withTags(sideBySide ? "sides_side_by_side" : "back_above_front");
        }
    },
    BDCI_CROP("synthetic_photocopy", "grayscale", List.of("bdci_style", "rectified_crop", "low_resolution",
            "watermark_text_top_left", "layout_offsets"), Sides.FRONT, Sides.BACK) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            BufferedImage card = cards.side(sides, CardLayout.WIDTH, CardStyle.bdci(random));
            Watermarks.topLeft(card, cards.fonts().cjk(), Watermarks.LINES.get(random.nextInt(2)),
                    random.nextInt(40, 90));
            CardInk.grey(card, random.nextInt(20, 40), random.nextInt(205, 230));
            List<String> where = random.nextInt(10) < 7
                    ? CopyStamps.stamp(card, sides, cards.fonts().cjk(), CopyStamps.DARK_GREY, random)
                    : List.of();
            BufferedImage image = crop(card, random.nextInt(447, 454), random.nextInt(120, 200), random);
            Capture capture = Capture.of(image, this, 0.82f, sides, 0).withTags(where.toArray(String[]::new));
            return sides == Sides.FRONT ? capture.withTags("no_portrait") : capture;
        }
    },
    LOW_RES_RENDER("rendered", "color", List.of("low_resolution", "upscaled", "digit_heavy_address"), Sides.FRONT) {
        @Override
        public Capture shoot(CardPrinter cards, Sides sides, boolean fixture, RandomGenerator random) {
            return Capture.of(upscaledLowRes(cards, sides, random), this, 0.9f, sides, 0);
        }

        @Override
        public SyntheticIdentity identity(SyntheticIdentity drawn, int occurrence, CardFonts fonts,
                RandomGenerator random) {
            return HardIdentities.withDigitHeavyAddress(drawn, fonts, random);
        }
    };

    private final String capture;
    private final String color;
    private final List<String> tags;
    private final List<Sides> sides;

    HardVariant(String capture, String color, List<String> tags, Sides... sides) {
        this.capture = capture;
        this.color = color;
        this.tags = tags;
        this.sides = List.of(sides);
    }

    /** The sides this variant shows, in the order the hard cycle takes them. */
    List<Sides> sides() {
        return sides;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
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
        return true;
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    /** The card alone with a margin of flat grey, as a scanner or a rendering gives it. */
    private static BufferedImage flat(BufferedImage card, int margin, int grey) {
        Scene scene = new Scene(Backgrounds.flat(card.getWidth() + 2 * margin, card.getHeight() + 2 * margin, grey));
        scene.placeFlat(card, new double[] {margin, margin, margin + card.getWidth(), margin,
            margin + card.getWidth(), margin + card.getHeight(), margin, margin + card.getHeight()});
        return scene.image();
    }

    /** A tight, rectified crop {@code width} px wide (the card's rounded corners on {@code grey}), lightly noisy. */
    private static BufferedImage crop(BufferedImage card, int width, int grey, RandomGenerator random) {
        int height = (int) Math.round(width / Variant.ASPECT);
        Scene scene = new Scene(Backgrounds.flat(width, height, grey));
        scene.placeFlat(card, new double[] {0, 0, width, 0, width, height, 0, height});
        return Distortions.gaussianNoise(3).apply(scene.image(), random);
    }

    /** A hand-held photo of the card on a table, 1024 x 768, with light falling off and a little blur and noise. */
    private static BufferedImage onTable(BufferedImage card, double widthFraction, double degrees, double keystone,
            RandomGenerator random) {
        Scene scene = new Scene(Backgrounds.table(Variant.PHOTO_WIDTH, Variant.PHOTO_HEIGHT, random));
        double width = Variant.PHOTO_WIDTH * widthFraction;
        scene.place(card, Scene.quad(Variant.PHOTO_WIDTH / 2.0 + random.nextDouble(-30, 30),
                Variant.PHOTO_HEIGHT / 2.0 + random.nextDouble(-20, 20), width, Variant.ASPECT, degrees, keystone,
                random.nextInt(4)));
        return Distortions.unevenLight(0.25).then(Distortions.boxBlur(1)).then(Distortions.gaussianNoise(5))
                .apply(scene.image(), random);
    }

    /**
     * The card rendered 300-420 px wide (a thumbnail or a low-resolution scan) and enlarged 2-3 times with bilinear
     * interpolation, as apps do before sending it: soft, blocky edges on every character.
     */
    private static BufferedImage upscaledLowRes(CardPrinter cards, Sides sides, RandomGenerator random) {
        BufferedImage small = flat(cards.side(sides, random.nextInt(300, 421), CardStyle.REAL), 4, 240);
        double factor = random.nextDouble(2, 3);
        int width = (int) Math.round(small.getWidth() * factor);
        int height = (int) Math.round(small.getHeight() * factor);
        BufferedImage large = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, width, height, null);
        g.dispose();
        return large;
    }

    /** A worn copier on top of the copy: lower contrast (grey blacks, dull whites) and a few dark streaks. */
    private static BufferedImage wornCopier(BufferedImage image, RandomGenerator random) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Distortions.pixels(image);
        double black = random.nextDouble(45, 75);
        double white = random.nextDouble(195, 225);
        int streaks = 2 + random.nextInt(3);
        int[] streakX = new int[streaks];
        for (int i = 0; i < streaks; i++) {
            streakX[i] = random.nextInt(w);
        }
        int bandY = random.nextInt(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = black + (white - black) * (px[y * w + x] & 0xff) / 255.0;
                for (int s : streakX) {
                    if (Math.abs(x - s) < 2) {
                        v -= 30;
                    }
                }
                if (Math.abs(y - bandY) < 6) {
                    v -= 18;
                }
                px[y * w + x] = Distortions.rgb(v, v, v);
            }
        }
        return Distortions.image(px, w, h);
    }
}
