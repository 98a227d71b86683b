package io.idcardstream.engine.synthetic;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The two fonts the cards are printed in, loaded from files so the result does not depend on the machine's font
 * configuration: WenQuanYi Zen Hei (a 黑体 stand-in) for labels and values, DejaVu Sans Mono (an OCR-B stand-in)
 * for the ID number.
 */
record CardFonts(Font cjk, Font mono) {

    static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final Path MONO_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");

    CardFonts {
        Objects.requireNonNull(cjk, "cjk");
        Objects.requireNonNull(mono, "mono");
    }

    /**
     * Loads both fonts from their Debian paths.
     *
     * @throws IllegalStateException naming the Debian package to install when a font file is missing
     */
    static CardFonts load() {
        return new CardFonts(
                read(CJK_FONT, "fonts-wqy-zenhei"),
                read(MONO_FONT, "fonts-dejavu-core"));
    }

    static Font read(Path file, String debianPackage) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("font " + file + " is missing: the synthetic card generator needs the Debian"
                    + " package " + debianPackage + " (apt-get install -y " + debianPackage + ")");
        }
        try {
            // createFonts reads every face of a collection; the first face of wqy-zenhei.ttc is the proportional one.
            return Font.createFonts(file.toFile())[0];
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("font " + file + " (package " + debianPackage + ") could not be read", e);
        }
    }
}
