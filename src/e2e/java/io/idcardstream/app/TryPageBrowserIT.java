package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The try page end to end in a real headless Chromium (Debian's {@code chromium} driven through Debian's
 * {@code chromedriver}): {@code serve} in-process on the embedded engine with the page enabled; the browser
 * uploads the seed's FRONT sample, signs the call with its own WebCrypto, and shows the seed's fields; a wrong
 * key shows the API's error. Screenshots (desktop, phone width, error) go to {@code target/e2e/}. Run with {@code mvn -B -Pe2e-browser verify}; not part of the default
 * build (the page's behaviour is tested there in HtmlUnit: {@code TryPageTest}, {@code TryPageOnEngineIT}).
 */
class TryPageBrowserIT {
    private static final Path DEV = Path.of("../shared/datasets/idcards-dev");
    private static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/e2e");
    private static final String SECRET_ID = "AKIDbrowserE2e";
    private static final String SECRET_KEY = "browserE2eSecretKey0123456789abc";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static RunningServe serve;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        requireDebianPackages();
        serve = new RunningServe(ServeCommand::embeddedEngine,
                Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID, "TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
                "--port", "0", "-D", "server.web.enabled=true", "-D", "server.keys.file=" + dir.resolve("keys"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags this machine needs (env notes): no sandbox as root, and no background connections, which the
        // closed network would refuse.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Fails with the Debian packages to install when the browser or its driver is missing. */
    private static void requireDebianPackages() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("chromium (" + CHROMIUM + ")");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add("chromium-driver (" + CHROMEDRIVER + ")");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("The browser end-to-end test needs the Debian packages chromium and "
                    + "chromium-driver; missing: " + String.join(", ", missing)
                    + ". Install them with: apt-get install -y chromium chromium-driver");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            assertThat(serve.stop()).isZero();
        }
    }

    private static void openThePage(String secretKey) {
        browser.get("http://" + serve.endpoint() + "/try");
        waitFor("the page script", () -> "true".equals(
                browser.findElement(By.id("try-form")).getDomAttribute("data-ready")));
        browser.findElement(By.id("secret-id")).sendKeys(SECRET_ID);
        browser.findElement(By.id("secret-key")).sendKeys(secretKey);
    }

    private static void uploadFrontAndWait() throws Exception {
        browser.findElement(By.id("image-file")).sendKeys(DEV.resolve("front_07.jpg").toRealPath().toString());
        browser.findElement(By.id("side-front")).click();
        browser.findElement(By.id("submit")).click();
        waitFor("the outcome", () -> (displayed("result") || displayed("error"))
                && browser.findElement(By.id("submit")).isEnabled());
    }

    private static boolean displayed(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + DEADLINE.toSeconds() + " s for " + what + "; status: "
                        + browser.findElement(By.id("status")).getText());
            }
            // One short wait inside the browser rather than a sleep here.
            browser.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 50);");
        }
    }

    private static List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private static Object script(String expression) {
        return ((JavascriptExecutor) browser).executeScript("return " + expression + ";");
    }

    /** The whole page at {@code width}: the window is made as tall as the page, then put back. */
    private static void screenshot(String name, int width) throws Exception {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(width, before.getHeight()));
        long height = ((Number) script("document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) height + 120));
        script("window.scrollTo(0, 0)");
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }

    @Test
    void shouldRecogniseTheUploadedSeedSampleAndShowItBesideTheImage() throws Exception {
        // Given
        openThePage(SECRET_KEY);

        // When front_07.jpg is uploaded as FRONT with the default switches (CropIdCard, CropPortrait)
        uploadFrontAndWait();
        screenshot("try-page-front_07.png", 1280);

        // Then the seed's FRONT output, both crops and the image, loaded by the browser under the page's CSP
        assertThat(displayed("error")).isFalse();
        assertThat(texts("#fields dt")).containsExactly("Name 姓名", "Sex 性别", "Nation 民族", "Birth 出生",
                "Address 住址", "IdNum 公民身份号码");
        assertThat(texts("#fields dd")).containsExactly("李明", "男", "汉", "1987/1/1",
                "北京市石景山区高新技术园腾讯大楼", "440524198701010014");
        assertThat(texts("#warnings li")).containsExactly("Not checked: no …Warn option was on.");
        assertThat(List.of(script("document.querySelector('#preview').naturalWidth > 0"),
                script("document.querySelector('#crop-idcard img').naturalWidth > 0"),
                script("document.querySelector('#crop-portrait img').naturalWidth > 0")))
                .containsExactly(true, true, true);
        assertThat(browser.findElement(By.id("request-id")).getText()).matches("RequestId [0-9a-f-]{36} · \\d+ ms");
        // the image and the answer side by side
        assertThat(((Number) script("document.querySelector('#result-pane').getBoundingClientRect().left")).doubleValue())
                .isGreaterThan(((Number) script("document.querySelector('#image-pane').getBoundingClientRect().right"))
                        .doubleValue());
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(problems).isEmpty();

        // and at a phone's width the page fits without sideways scrolling
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(script("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        screenshot("try-page-phone.png", 390);
    }

    @Test
    void shouldShowTheSignatureFailureOfAWrongKey() throws Exception {
        // Given
        openThePage("notTheKey");

        // When
        uploadFrontAndWait();
        screenshot("try-page-wrong-key.png", 1280);

        // Then
        assertThat(List.of(browser.findElement(By.id("error-code")).getText(),
                browser.findElement(By.id("error-message")).getText())).containsExactly(
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.");
        assertThat(displayed("result")).isFalse();
    }
}
