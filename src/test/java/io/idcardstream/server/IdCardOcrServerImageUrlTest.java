package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRResponse;
import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.fetch.LoopbackImageHost;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ImageUrl through the official SDK: downloads, the SSRF guard, the size limit and the seed's precedence. */
class IdCardOcrServerImageUrlTest {
    private static final String SECRET_ID = "AKIDimageUrlTest";
    private static final String SECRET_KEY = "imageUrlTestKey";

    private final LoopbackImageHost imageHost = new LoopbackImageHost();
    private final ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);
    private IdCardOcrServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
        imageHost.close();
    }

    private OcrClient start(GuardedImageFetcher.Settings fetchSettings) throws Exception {
        server = IdCardOcrServer.start(ServerSettings.defaults(), recognizer, ApiKeys.of(SECRET_ID, SECRET_KEY),
                new GuardedImageFetcher(fetchSettings));
        return SdkClients.client(server, SECRET_ID, SECRET_KEY);
    }

    private static IDCardOCRRequest urlRequest(String url) {
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageUrl(url);
        request.setCardSide("FRONT");
        return request;
    }

    @Test
    void shouldDownloadImageUrlFromAnExplicitlyAllowedLoopbackHost() throws Exception {
        // Given
        byte[] image = {(byte) 0xff, (byte) 0xd8, 1, 2, 3, 4};
        imageHost.image("/cards/front.jpg", image);
        OcrClient client = start(GuardedImageFetcher.Settings.DEFAULTS.withAllowLoopback(true));

        // When
        IDCardOCRResponse response = client.IDCardOCR(urlRequest(imageHost.url("/cards/front.jpg?X-Sig=secret")));

        // Then
        assertThat(response.getIdNum()).isEqualTo("440524198701010014");
        assertThat(recognizer.requests()).containsExactly(
                new IdCardOcrRequest(new ImageSource.Inline(image), CardSide.FRONT, OcrOptions.DEFAULTS));
    }

    @Test
    void shouldRefuseEveryForbiddenImageUrlWithDownLoadError() throws Exception {
        // Given the default guard: loopback and private not allowed
        imageHost.image("/a.jpg", new byte[] {1, 2, 3});
        OcrClient client = start(GuardedImageFetcher.Settings.DEFAULTS);

        // When
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("loopback", SdkClients.apiError(client, urlRequest(imageHost.url("/a.jpg"))));
        errors.put("localhost", SdkClients.apiError(client, urlRequest("http://localhost:" + imageHost.port() + "/a.jpg")));
        errors.put("metadata", SdkClients.apiError(client, urlRequest("http://169.254.169.254/latest/meta-data/")));
        errors.put("IPv6 metadata", SdkClients.apiError(client, urlRequest("http://[fd00:ec2::254]/latest/")));
        errors.put("private", SdkClients.apiError(client, urlRequest("http://192.168.1.10/a.jpg")));
        errors.put("file scheme", SdkClients.apiError(client, urlRequest("file:///etc/passwd")));
        errors.put("gopher scheme", SdkClients.apiError(client, urlRequest("gopher://127.0.0.1:6379/_INFO")));

        // Then
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("loopback", "FailedOperation.DownLoadError: Host 127.0.0.1 resolves to a loopback address, "
                + "which image downloads may not reach");
        expected.put("localhost", "FailedOperation.DownLoadError: Host localhost resolves to a loopback address, "
                + "which image downloads may not reach");
        expected.put("metadata", "FailedOperation.DownLoadError: Host 169.254.169.254 resolves to a cloud metadata "
                + "address, which image downloads may not reach");
        expected.put("IPv6 metadata", "FailedOperation.DownLoadError: Host [fd00:ec2::254] resolves to a cloud "
                + "metadata address, which image downloads may not reach");
        expected.put("private", "FailedOperation.DownLoadError: Host 192.168.1.10 resolves to a private address, "
                + "which image downloads may not reach");
        expected.put("file scheme", "FailedOperation.DownLoadError: Only http and https URLs are fetched, not 'file'");
        expected.put("gopher scheme",
                "FailedOperation.DownLoadError: Only http and https URLs are fetched, not 'gopher'");
        assertThat(errors).containsExactlyEntriesOf(expected);
        assertThat(imageHost.requests()).isEmpty();
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldRefuseARedirectToAPrivateAddress() throws Exception {
        // Given an allowed host that redirects into the private network
        imageHost.redirect("/innocent.jpg", "http://10.0.0.5/admin/secret.jpg");
        OcrClient client = start(GuardedImageFetcher.Settings.DEFAULTS.withAllowLoopback(true));

        // When
        String error = SdkClients.apiError(client, urlRequest(imageHost.url("/innocent.jpg")));

        // Then
        assertThat(error).isEqualTo("FailedOperation.DownLoadError: Host 10.0.0.5 resolves to a private address, "
                + "which image downloads may not reach");
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldAnswerTooLargeFileErrorForAnImageUrlOverTheLimit() throws Exception {
        // Given the API's ImageUrl limit: 3 MiB after Base64 encoding
        int limit = GuardedImageFetcher.Settings.DEFAULTS.maxBytes();
        imageHost.image("/limit.jpg", new byte[limit]).image("/over.jpg", new byte[limit + 1]);
        OcrClient client = start(GuardedImageFetcher.Settings.DEFAULTS.withAllowLoopback(true));

        // When
        IDCardOCRResponse atLimit = client.IDCardOCR(urlRequest(imageHost.url("/limit.jpg")));
        String over = SdkClients.apiError(client, urlRequest(imageHost.url("/over.jpg")));

        // Then
        assertThat(Base64.getEncoder().encodeToString(new byte[limit])).hasSize(3 << 20);
        assertThat(atLimit.getName()).isEqualTo("李明");
        assertThat(over).isEqualTo("LimitExceeded.TooLargeFileError: The image from 127.0.0.1 is larger than "
                + "2359296 bytes");
    }

    @Test
    void shouldUseImageBase64WhenBothImagesAreGiven() throws Exception {
        // Given (the seed: "if both are provided, only ImageBase64 will be used")
        imageHost.image("/url.jpg", new byte[] {7, 7, 7});
        OcrClient client = start(GuardedImageFetcher.Settings.DEFAULTS.withAllowLoopback(true));
        IDCardOCRRequest request = urlRequest(imageHost.url("/url.jpg"));
        request.setImageBase64(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));

        // When
        client.IDCardOCR(request);

        // Then
        assertThat(recognizer.requests()).extracting(IdCardOcrRequest::image)
                .containsExactly(new ImageSource.Inline(new byte[] {1, 2, 3}));
        assertThat(imageHost.requests()).isEmpty();
    }
}
