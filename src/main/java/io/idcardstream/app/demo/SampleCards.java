package io.idcardstream.app.demo;

import io.idcardstream.events.CardSide;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The images the demo sends: the sample cards shipped in the jar, or the PNG/JPEG files of a folder. */
public final class SampleCards {
    private static final String BUNDLE = "/io/idcardstream/app/demo/cards/";

    /** One image and the side to ask for ({@code null}: let the recogniser find out). */
    public record SampleCard(String name, byte[] image, CardSide side) {}

    private SampleCards() {}

    public static List<SampleCard> bundled() {
        Properties manifest = new Properties();
        try (InputStream in = SampleCards.class.getResourceAsStream(BUNDLE + "cards.properties")) {
            if (in == null) {
                throw new IllegalStateException("The sample cards are missing from the jar (" + BUNDLE + ")");
            }
            manifest.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            List<SampleCard> cards = new ArrayList<>();
            for (String file : new TreeSet<>(manifest.stringPropertyNames())) {
                try (InputStream image = SampleCards.class.getResourceAsStream(BUNDLE + file)) {
                    if (image == null) {
                        throw new IllegalStateException("Sample card " + file + " is listed but not in the jar");
                    }
                    cards.add(new SampleCard(file, image.readAllBytes(),
                            CardSide.valueOf(manifest.getProperty(file).trim())));
                }
            }
            return cards;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample cards", e);
        }
    }

    /** Every {@code .png}, {@code .jpg} and {@code .jpeg} file directly in {@code folder}, by name. */
    public static List<SampleCard> fromFolder(Path folder, CardSide side) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--images must name a folder, but " + folder + " is not one");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<SampleCard> cards = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(SampleCards::isImage).sorted().toList()) {
                cards.add(new SampleCard(file.getFileName().toString(), Files.readAllBytes(file), side));
            }
            if (cards.isEmpty()) {
                throw new IllegalArgumentException("No .png, .jpg or .jpeg files in " + folder);
            }
            return cards;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the images in " + folder, e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
