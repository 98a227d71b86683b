package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CardFontsTest {

    @Test
    void shouldNameTheDebianPackageWhenAFontFileIsMissing() {
        // Given a font path that does not exist, when it is read, then the error says which package to install
        assertThatThrownBy(() -> CardFonts.read(Path.of("/nonexistent/wqy-zenhei.ttc"), "fonts-wqy-zenhei"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("font /nonexistent/wqy-zenhei.ttc is missing: the synthetic card generator needs the"
                        + " Debian package fonts-wqy-zenhei (apt-get install -y fonts-wqy-zenhei)");
    }
}
