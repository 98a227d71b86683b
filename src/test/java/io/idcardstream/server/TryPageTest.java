package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.fetch.ImageFetcher;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.testing.TestClock;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The try page ({@code GET /try}) in HtmlUnit against a real {@link IdCardOcrServer} over real HTTP, with a
 * scripted recogniser: what is served and how, the form, and what a person sees after each kind of answer. Every
 * call goes through {@code POST /} with the page's own TC3 signature, so the server's checks are the real ones.
 */
class TryPageTest {
    private static final Path FRONT_07 = Path.of("../shared/datasets/idcards-dev/front_07.jpg");
    private static final String SECRET_ID = "AKIDtryPage";
    private static final String SECRET_KEY = "tryPageSecretKey0123456789abcdef";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob: http: https:; connect-src 'self'; form-action 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private IdCardOcrServer server(ServerSettings settings, IdCardRecognizer recognizer, ImageFetcher fetcher,
                                   Clock clock) throws Exception {
        IdCardOcrServer server = IdCardOcrServer.start(settings, recognizer, ApiKeys.of(SECRET_ID, SECRET_KEY),
                fetcher, clock);
        open.add(0, server);
        return server;
    }

    private IdCardOcrServer pageServer(IdCardRecognizer recognizer) throws Exception {
        return server(ServerSettings.defaults().withWebEnabled(true), recognizer, url -> new byte[0],
                Clock.systemUTC());
    }

    private TryPageBrowser browser(IdCardOcrServer server) throws Exception {
        TryPageBrowser browser = new TryPageBrowser();
        open.add(0, browser);
        return browser.open(server.tryPageUrl()).type("secret-id", SECRET_ID).type("secret-key", SECRET_KEY);
    }

    private static HttpResponse<String> get(IdCardOcrServer server, String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + server.endpoint() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] jpeg(int width, int height, Color color) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static List<String> fieldRows(TryPageBrowser browser) {
        List<String> rows = new ArrayList<>();
        List<String> labels = browser.texts("#fields dt");
        List<String> values = browser.texts("#fields dd");
        for (int i = 0; i < labels.size(); i++) {
            rows.add(labels.get(i) + " = " + values.get(i));
        }
        return rows;
    }

    private static String error(TryPageBrowser browser) {
        return browser.hidden("error") ? "no error"
                : browser.text("#error-code") + ": " + browser.text("#error-message");
    }

    /** The API's answer to a path where nothing is served, up to its RequestId. */
    static final String NOT_FOUND_ENVELOPE = "{\"Response\":{\"Error\":{\"Code\":\"UnsupportedOperation\",\"Message\":\"Not found: the API is served at / (POST with a JSON body, or GET with query parameters).\"}";

    @Test
    void shouldNotServeThePageUnlessEnabled() throws Exception {
        // Given a server with the default settings
        IdCardOcrServer server = server(ServerSettings.defaults(), ScriptedRecognizer.returning(SeedSamples.FRONT),
                url -> new byte[0], Clock.systemUTC());

        // When
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/try", "/try/try.js", "/try/tc3.js")) {
            HttpResponse<String> response = get(server, "GET", path);
            answers.add(path + " " + response.statusCode() + " " + response.body().replaceAll(",\"RequestId\".*", ""));
        }

        // Then
        assertThat(ServerSettings.defaults().webEnabled()).isFalse();
        String notFound = " 404 " + NOT_FOUND_ENVELOPE;
        assertThat(answers).containsExactly("/try" + notFound, "/try/try.js" + notFound, "/try/tc3.js" + notFound);
    }

    @Test
    void shouldServeThePageAndItsScriptsWithTheSecurityHeaders() throws Exception {
        // Given
        IdCardOcrServer server = pageServer(ScriptedRecognizer.returning(SeedSamples.FRONT));

        // When
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/try", "/try/", "/try/try.css", "/try/try.js", "/try/tc3.js")) {
            HttpResponse<String> response = get(server, "GET", path);
            answers.put(path, response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("-")
                    + " | " + response.headers().firstValue("Content-Security-Policy").orElse("-")
                    + " | " + response.headers().firstValue("X-Content-Type-Options").orElse("-")
                    + " | " + response.headers().firstValue("Cache-Control").orElse("-")
                    + " | " + response.headers().firstValue("Referrer-Policy").orElse("-")
                    + " | " + response.headers().firstValue("X-Frame-Options").orElse("-"));
        }

        // Then
        String headers = " | " + CSP + " | nosniff | no-store | no-referrer | DENY";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/try", "200 text/html; charset=utf-8" + headers);
        expected.put("/try/", "200 text/html; charset=utf-8" + headers);
        expected.put("/try/try.css", "200 text/css; charset=utf-8" + headers);
        expected.put("/try/try.js", "200 text/javascript; charset=utf-8" + headers);
        expected.put("/try/tc3.js", "200 text/javascript; charset=utf-8" + headers);
        assertThat(answers).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldRefuseOtherMethodsAndPathsUnderTheSameHeaders() throws Exception {
        // Given
        IdCardOcrServer server = pageServer(ScriptedRecognizer.returning(SeedSamples.FRONT));

        // When
        HttpResponse<String> post = get(server, "POST", "/try");
        HttpResponse<String> unknown = get(server, "GET", "/try/../../etc/passwd");
        HttpResponse<String> other = get(server, "GET", "/try/secrets.properties");

        // Then
        assertThat(List.of(post.statusCode() + " " + post.headers().firstValue("Allow").orElse("-") + " " + post.body(),
                unknown.statusCode() + " " + unknown.body(), other.statusCode() + " " + other.body(),
                other.headers().firstValue("Content-Security-Policy").orElse("-")))
                .containsExactly("405 GET, HEAD Use GET\n", "404 Not found\n", "404 Not found\n",
                        CSP);
    }

    @Test
    void shouldAnswerTheApiWithoutCachingOrSniffing() throws Exception {
        // Given
        IdCardOcrServer server = pageServer(ScriptedRecognizer.returning(SeedSamples.FRONT));

        // When an unsigned call is made, as a page with no key would
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        // Then it is refused as any unsigned call, in an answer no cache keeps
        assertThat(List.of(response.headers().firstValue("Cache-Control").orElse("-"),
                response.headers().firstValue("X-Content-Type-Options").orElse("-"),
                response.body().replaceAll("\"RequestId\":\"[^\"]+\"", "\"RequestId\":\"…\"")))
                .containsExactly("no-store", "nosniff", "{\"Response\":{\"Error\":{\"Code\":"
                        + "\"AuthFailure.InvalidAuthorization\",\"Message\":\"The Authorization header is missing. "
                        + "Authorization must be 'TC3-HMAC-SHA256 Credential=<SecretId>/<yyyy-MM-dd>/<service>/"
                        + "tc3_request, SignedHeaders=<names>, Signature=<hex>'.\"},\"RequestId\":\"…\"}}");
    }

    @Test
    void shouldLabelEveryControlOfTheForm() throws Exception {
        // Given
        IdCardOcrServer server = pageServer(ScriptedRecognizer.returning(SeedSamples.FRONT));

        // When the page is open in a browser
        TryPageBrowser browser = browser(server);

        // Then every control has a label, in this order, and the secure-context warning is not shown
        List<String> controls = new ArrayList<>();
        for (DomNode node : browser.page().querySelectorAll("#try-form input, #try-form select")) {
            DomElement control = (DomElement) node;
            String id = control.getId();
            DomElement label = id.isEmpty() ? null : browser.page().querySelector("label[for=\"" + id + "\"]");
            if (label == null) {
                label = (DomElement) control.getParentNode();
            }
            String kind = control.getAttribute("type").isEmpty() ? control.getNodeName() : control.getAttribute("type");
            controls.add(kind + ": " + label.getTextContent().replaceAll("\\s+", " ").trim());
        }
        assertThat(controls).containsExactly(
                "text: SecretId",
                "password: SecretKey",
                "radio: Upload a file",
                "radio: Image URL",
                "file: Image file (JPG or PNG)",
                "url: Image URL (the server downloads it through its SSRF guard)",
                "radio: Detect",
                "radio: FRONT (portrait)",
                "radio: BACK (national emblem)",
                "checkbox: CropIdCard: crop the card",
                "checkbox: CropPortrait: crop the portrait",
                "checkbox: CopyWarn: photocopy warning",
                "checkbox: ReshootWarn: re-shot warning",
                "checkbox: BorderCheckWarn: border and occlusion",
                "checkbox: Quality: image quality score",
                "checkbox: InvalidDateWarn: invalid validity date",
                "checkbox: TempIdWarn: temporary ID card",
                "checkbox: DetectPsWarn: edited image",
                "checkbox: ReflectWarn: glare",
                "checkbox: MultiCardDetect: both sides in one image",
                "checkbox: EnableRecognitionRectify (API default: on; off sends false)",
                "checkbox: EnableDateVerify (API default: on; off sends false)",
                "checkbox: EnableReflectDetail (needs ReflectWarn)",
                "select: CardWarnType");
        assertThat(browser.hidden("context-warning")).isTrue();
        assertThat(((HtmlElement) browser.page().getElementById("submit")).hasAttribute("disabled")).isFalse();
    }

    @Test
    void shouldShowTheFieldsCropsWarningsAndScoresOfAnUploadedImageBesideIt() throws Exception {
        // Given a recogniser answering the seed's FRONT card with crops, two warnings and both scores
        byte[] card = jpeg(171, 108, Color.BLUE);
        byte[] portrait = jpeg(36, 45, Color.GRAY);
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(IdCardOcrResult.of(SeedSamples.FRONT_FIELDS,
                new AdvancedInfo(card, portrait, 87, 12, List.of(-9102, -9103)), null));
        TryPageBrowser browser = browser(pageServer(recognizer));

        // When the seed's FRONT sample is uploaded as FRONT with four more Config switches
        browser.upload(FRONT_07.toFile()).choose("side-front").option("CopyWarn", true).option("ReshootWarn", true)
                .option("BorderCheckWarn", true).option("Quality", true).submitAndWait(DEADLINE);

        // Then the page shows the answer beside the image
        assertThat(error(browser)).isEqualTo("no error");
        assertThat(fieldRows(browser)).containsExactly("Name 姓名 = 李明", "Sex 性别 = 男", "Nation 民族 = 汉",
                "Birth 出生 = 1987/1/1", "Address 住址 = 北京市石景山区高新技术园腾讯大楼",
                "IdNum 公民身份号码 = 440524198701010014");
        assertThat(browser.texts("#warnings li"))
                .containsExactly("-9102 Photocopy", "-9103 Re-shot from a screen or a photo");
        assertThat(browser.texts("#scores dt")).containsExactly("Quality (0–100, ≥ 50 is sharp enough)",
                "BorderCodeValue (0–100, ≤ 50 is complete)");
        assertThat(browser.texts("#scores dd")).containsExactly("87", "12");
        assertThat(List.of(browser.attribute("#crop-idcard img", "src"), browser.attribute("#crop-portrait img", "src")))
                .containsExactly("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(card),
                        "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(portrait));
        assertThat(List.of(browser.hidden("crop-idcard"), browser.hidden("crop-portrait"), browser.hidden("preview")))
                .containsExactly(false, false, false);
        assertThat(browser.attribute("#preview", "src")).startsWith("blob:");
        assertThat(browser.text("#preview-note")).isEqualTo("front_07.jpg · "
                + Math.round(Files.size(FRONT_07) / 1024.0) + " KiB");
        assertThat(browser.text("#request-id")).matches("RequestId " + SdkClients.UUID + " · \\d+ ms");
        assertThat(browser.text("#raw")).contains("\"IdCard\": \"(" + Base64.getEncoder().encodeToString(card).length()
                + " Base64 characters)\"", "\"Quality\": 87", "\"Name\": \"李明\"");

        // and the server got exactly the file, the side and the switches chosen
        assertThat(recognizer.requests()).containsExactly(new IdCardOcrRequest(
                new ImageSource.Inline(Files.readAllBytes(FRONT_07)), CardSide.FRONT,
                new OcrOptions(true, true, true, true, true, null, null, null, true, null, null, null, null, null,
                        null)));
    }

    @Test
    void shouldSendTheRequestFlagsAsChosenAndShowTheBackAndTheGlare() throws Exception {
        // Given a recogniser answering the seed's BACK card with glare positions
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(new IdCardOcrResult(SeedSamples.BACK_FIELDS,
                new AdvancedInfo(null, null, null, null, List.of(-9107)), null, null, List.of("NationalEmblem",
                "Others"), null));
        TryPageBrowser browser = browser(pageServer(recognizer));

        // When the defaults are turned the other way
        browser.upload(FRONT_07.toFile()).choose("side-back").option("CropIdCard", false).option("CropPortrait", false)
                .option("ReflectWarn", true).option("flag-rectify", false).option("flag-date-verify", false)
                .option("flag-reflect-detail", true).select("card-warn-type", "Advanced").submitAndWait(DEADLINE);

        // Then
        assertThat(fieldRows(browser)).containsExactly("Authority 签发机关 = 赵县公安局",
                "ValidDate 有效期限 = 2010.07.21-2020.07.21");
        assertThat(browser.texts("#warnings li")).containsExactly("-9107 Glare");
        assertThat(browser.texts("#scores dd")).containsExactly("NationalEmblem, Others");
        assertThat(List.of(browser.hidden("crops-block"), browser.hidden("crop-idcard"))).containsExactly(true, true);
        assertThat(recognizer.requests()).containsExactly(new IdCardOcrRequest(
                new ImageSource.Inline(Files.readAllBytes(FRONT_07)), CardSide.BACK,
                new OcrOptions(null, null, null, null, null, null, null, null, null, null, true, false, true, false,
                        "Advanced")));
    }

    @Test
    void shouldTellNoWarningFoundFromWarningsNotChecked() throws Exception {
        // Given a recogniser that never warns
        TryPageBrowser browser = browser(pageServer(ScriptedRecognizer.returning(SeedSamples.FRONT)))
                .upload(FRONT_07.toFile());

        // When
        List<String> unchecked = browser.submitAndWait(DEADLINE).texts("#warnings li");
        List<String> checked = browser.option("CopyWarn", true).submitAndWait(DEADLINE).texts("#warnings li");

        // Then
        assertThat(List.of(unchecked, checked)).containsExactly(List.of("Not checked: no …Warn option was on."),
                List.of("None"));
    }

    @Test
    void shouldNameTheRequestedWarningsNoDetectorLookedForBesideTheOnesFound() throws Exception {
        // Given a recogniser that found a photocopy, and had no detector for the temporary-card and glare warnings
        AdvancedInfo found = new AdvancedInfo(null, null, null, null, List.of(-9102), List.of(), List.of(-9104, -9107),
                true, null);
        AdvancedInfo clean = new AdvancedInfo(null, null, null, null, List.of(), List.of(), List.of(-9104), true,
                null);
        // When it answers once with the photocopy found, and once with nothing found
        List<String> withOne = warningsShown(found);
        List<String> withNone = warningsShown(clean);

        // Then the unchecked ones are named as such, never as found nor as clean
        assertThat(withOne).containsExactly("-9102 Photocopy",
                "-9104 Temporary ID card: not checked (no detector looked for it)",
                "-9107 Glare: not checked (no detector looked for it)");
        assertThat(withNone).containsExactly("None of the warnings checked",
                "-9104 Temporary ID card: not checked (no detector looked for it)");
    }

    /** The warnings list the page shows for a FRONT answer with {@code advanced}, three warning switches on. */
    private List<String> warningsShown(AdvancedInfo advanced) throws Exception {
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(IdCardOcrResult.of(SeedSamples.FRONT_FIELDS,
                advanced, null));
        return browser(pageServer(recognizer)).upload(FRONT_07.toFile()).option("CopyWarn", true)
                .option("TempIdWarn", true).option("ReflectWarn", true).submitAndWait(DEADLINE).texts("#warnings li");
    }

    @Test
    void shouldKeepTheSecretKeyInThePage() throws Exception {
        // Given
        TryPageBrowser browser = browser(pageServer(ScriptedRecognizer.returning(SeedSamples.FRONT)));

        // When
        browser.upload(FRONT_07.toFile()).submitAndWait(DEADLINE);

        // Then the call is the SDK's shape, and the key is in no request and in no storage
        List<String> calls = browser.sentRequests().stream().filter(line -> line.startsWith("POST")).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).startsWith("POST " + "http://" + browser.page().getUrl().getAuthority() + "/ ")
                .contains("Content-Type=application/json; charset=utf-8", "X-TC-Action=IDCardOCR",
                        "X-TC-Version=2018-11-19", "Authorization=TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/")
                .contains("{\"Config\":\"{\\\"CropIdCard\\\":true,\\\"CropPortrait\\\":true}\",\"ImageBase64\":\"");
        assertThat(browser.sentRequests()).noneMatch(line -> line.contains(SECRET_KEY));
        assertThat(browser.page().executeJavaScript(
                "String(localStorage.length + sessionStorage.length) + '|' + document.cookie + '|' + location.search")
                .getJavaScriptResult()).isEqualTo("0||");
    }

    @Test
    void shouldShowSignatureFailureForAWrongKey() throws Exception {
        // Given
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
        TryPageBrowser browser = browser(pageServer(recognizer));

        // When
        browser.type("secret-key", "notTheKey").upload(FRONT_07.toFile()).submitAndWait(DEADLINE);

        // Then
        assertThat(error(browser)).isEqualTo("AuthFailure.SignatureFailure: The provided credentials could not be "
                + "validated. Please check your signature is correct.");
        assertThat(browser.hidden("result")).isTrue();
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldShowTheSsrfGuardsRefusalOfAMetadataUrlWithoutFetchingItForThePage() throws Exception {
        // Given the real guarded fetcher with its defaults
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
        IdCardOcrServer server = server(ServerSettings.defaults().withWebEnabled(true), recognizer,
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS), Clock.systemUTC());
        TryPageBrowser browser = browser(server);
        String metadata = "http://169.254.169.254/latest/meta-data/";

        // When
        browser.choose("source-url").type("image-url", metadata).submitAndWait(DEADLINE);

        // Then the refusal is shown, and only the browser's own preview attempt went (and was stopped in the test)
        assertThat(error(browser)).isEqualTo("FailedOperation.DownLoadError: Host 169.254.169.254 resolves to a "
                + "cloud metadata address, which image downloads may not reach");
        assertThat(browser.text("#preview-note")).isEqualTo("The browser could not load this URL, so there is no "
                + "preview. The server downloads the image itself, through its SSRF guard.");
        assertThat(browser.refusedUrls()).containsExactly(metadata);
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldShowTheRateLimitOfTheKey() throws Exception {
        // Given one request per second per SecretId, on a clock that stands still
        IdCardOcrServer server = server(ServerSettings.defaults().withWebEnabled(true).withRateLimitRps(1),
                ScriptedRecognizer.returning(SeedSamples.FRONT), url -> new byte[0],
                new TestClock(Instant.now()));
        TryPageBrowser browser = browser(server).upload(FRONT_07.toFile());

        // When
        String first = error(browser.submitAndWait(DEADLINE));
        String second = error(browser.submitAndWait(DEADLINE));

        // Then
        assertThat(List.of(first, second)).containsExactly("no error",
                "RequestLimitExceeded: Your SecretId made more than 1 requests per second. Please retry later.");
    }

    @Test
    void shouldShowTheApisAnswerWhenNoImageIsGivenAndAskForTheKeyBeforeSigning() throws Exception {
        // Given
        ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
        TryPageBrowser browser = browser(pageServer(recognizer));

        // When
        String noImage = error(browser.submitAndWait(DEADLINE));
        String noKey = error(browser.type("secret-key", "").upload(FRONT_07.toFile()).submitAndWait(DEADLINE));

        // Then
        assertThat(List.of(noImage, noKey)).containsExactly(
                "FailedOperation.EmptyImageError: Either ImageBase64 or ImageUrl is required.",
                "(not sent): Enter a SecretId and its SecretKey: the page signs the call with them.");
        assertThat(recognizer.requests()).isEmpty();
    }
}
