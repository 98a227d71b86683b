package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.server.TryPageBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The try page of {@code serve} as shipped (embedded engine, keys from the environment, the page enabled by
 * {@code server.web.enabled=true}), driven in HtmlUnit: the seed's FRONT sample uploaded through the page comes
 * back with the seed's fields and both crops. Slow (model load, real recognition), hence IT.
 */
class TryPageOnEngineIT {
    private static final Path DEV = Path.of("../shared/datasets/idcards-dev");
    private static final String SECRET_ID = "AKIDtryOnEngine";
    private static final String SECRET_KEY = "tryOnEngineSecretKey0123456789ab";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static RunningServe serve;

    @BeforeAll
    static void start() {
        serve = new RunningServe(ServeCommand::embeddedEngine,
                Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID, "TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
                "--port", "0", "-D", "server.web.enabled=true", "-D", "server.keys.file=" + dir.resolve("keys"));
    }

    @AfterAll
    static void stop() throws Exception {
        assertThat(serve.stop()).isZero();
    }

    @Test
    void shouldPrintThePageAddressAndRecogniseTheSeedFrontSampleUploadedThroughIt() throws Exception {
        // Given
        String pageUrl = "http://" + serve.endpoint() + "/try";
        try (TryPageBrowser browser = new TryPageBrowser().open(pageUrl)) {
            // When front_07.jpg is uploaded as FRONT with the page's default switches (both crops)
            browser.type("secret-id", SECRET_ID).type("secret-key", SECRET_KEY)
                    .upload(DEV.resolve("front_07.jpg").toFile()).choose("side-front").submitAndWait(DEADLINE);

            // Then the seed's FRONT output, both crops, no warning asked for and none shown
            assertThat(browser.hidden("error")).isTrue();
            assertThat(browser.texts("#fields dd")).containsExactly("李明", "男", "汉", "1987/1/1",
                    "北京市石景山区高新技术园腾讯大楼", "440524198701010014");
            assertThat(browser.texts("#warnings li")).containsExactly("Not checked: no …Warn option was on.");
            assertThat(List.of(browser.attribute("#crop-idcard img", "src"),
                    browser.attribute("#crop-portrait img", "src")))
                    .allSatisfy(src -> assertThat(src).startsWith("data:image/jpeg;base64,/9j/"));
            assertThat(List.of(browser.hidden("crop-idcard"), browser.hidden("crop-portrait")))
                    .containsExactly(false, false);
        }
        assertThat(serve.stdout()).contains("  try page: " + pageUrl
                + " (signs in the browser with the key you type in)\n");
    }
}
