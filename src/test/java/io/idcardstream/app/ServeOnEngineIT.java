package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRResponse;
import io.idcardstream.fetch.LoopbackImageHost;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.tencent.TencentCredentials;
import io.idcardstream.ocr.tencent.TencentIdCardRecognizer;
import io.idcardstream.ocr.tencent.TencentSettings;
import io.idcardstream.server.SdkClients;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests of {@code serve} as shipped: the official SDK (raw, and wrapped in the worker's Tencent client) →
 * the IDCardOCR server → the embedded engine (PP-OCRv4 on ONNX Runtime) on the development specimens. Slow (model
 * load, real recognition), hence IT.
 */
class ServeOnEngineIT {
    private static final Path DEV = Path.of("../shared/datasets/idcards-dev");
    private static final Path DEV2 = Path.of("../shared/datasets/idcards-dev2");
    private static final String SECRET_ID = "AKIDengineContract";
    private static final String SECRET_KEY = "engineContractKey";

    @TempDir
    static Path dir;

    private static RunningServe serve;
    private static LoopbackImageHost imageHost;
    private static OcrClient client;

    @BeforeAll
    static void start() {
        imageHost = new LoopbackImageHost();
        serve = new RunningServe(ServeCommand::embeddedEngine,
                Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID, "TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
                "--port", "0", "-D", "fetch.allow.loopback=true", "-D", "server.keys.file=" + dir.resolve("keys"));
        client = new OcrClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou",
                SdkClients.profile(serve.endpoint()));
    }

    @AfterAll
    static void stop() throws Exception {
        assertThat(serve.stop()).isZero();
        imageHost.close();
    }

    private static IDCardOCRRequest base64Request(String file, String side) throws Exception {
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageBase64(Base64.getEncoder().encodeToString(Files.readAllBytes(DEV.resolve(file))));
        request.setCardSide(side);
        return request;
    }

    @Test
    void shouldReturnTheSeedFrontOutputForFront07() throws Exception {
        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request("front_07.jpg", "FRONT"));

        // Then exactly the seed's FRONT sample output
        assertThat(SdkClients.fields(response)).isEqualTo(SdkClients.expectedFields("李明", "男", "汉", "1987/1/1",
                "北京市石景山区高新技术园腾讯大楼", "440524198701010014", "", "", "{}"));
        assertThat(response.getRequestId()).matches(SdkClients.UUID);
    }

    @Test
    void shouldReadTheBackCard() throws Exception {
        // When
        IDCardOCRResponse response = client.IDCardOCR(base64Request("back_01.jpg", "BACK"));

        // Then (labels.json: back_01.jpg)
        assertThat(SdkClients.fields(response)).isEqualTo(SdkClients.expectedFields("", "", "", "", "", "",
                "上海市公安局徐汇分局", "2005.10.08-2025.10.08", "{}"));
    }

    @Test
    void shouldCropTheCardAndThePortrait() throws Exception {
        // Given
        IDCardOCRRequest request = base64Request("front_07.jpg", "FRONT");
        request.setConfig("{\"CropIdCard\":true,\"CropPortrait\":true}");

        // When
        IDCardOCRResponse response = client.IDCardOCR(request);

        // Then both crops are there, as JPEG images of a card (85.6 × 54 mm) and of an upright portrait
        JsonNode advanced = new ObjectMapper().readTree(response.getAdvancedInfo());
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = advanced.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        BufferedImage card = jpeg(advanced.get("IdCard").asText());
        BufferedImage portrait = jpeg(advanced.get("Portrait").asText());
        assertThat(keys).containsExactly("IdCard", "Portrait");
        assertThat((double) card.getWidth() / card.getHeight()).isBetween(85.6 / 54 - 0.05, 85.6 / 54 + 0.05);
        assertThat(portrait.getHeight()).isGreaterThan(portrait.getWidth());
        assertThat(portrait.getWidth()).isLessThan(card.getWidth() / 2);
        assertThat(response.getIdNum()).isEqualTo("440524198701010014");
    }

    @Test
    void shouldReadTheSameCardFromAnImageUrlThroughTheGuardedFetcher() throws Exception {
        // Given the specimen served by an image host on loopback (allowed by fetch.allow.loopback=true)
        imageHost.image("/cards/front_07.jpg", Files.readAllBytes(DEV.resolve("front_07.jpg")));
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageUrl(imageHost.url("/cards/front_07.jpg"));
        request.setCardSide("FRONT");

        // When
        IDCardOCRResponse response = client.IDCardOCR(request);

        // Then
        assertThat(SdkClients.fields(response)).isEqualTo(SdkClients.expectedFields("李明", "男", "汉", "1987/1/1",
                "北京市石景山区高新技术园腾讯大楼", "440524198701010014", "", "", "{}"));
    }

    @Test
    void shouldGiveTheWorkersTencentClientTheEnginesCorrections() throws Exception {
        // Given: idcards-dev2's front_04, whose nation 仫佬 has a character the recogniser cannot emit; the engine
        // completes it from the closed list of nations and reports what it read
        byte[] image = Files.readAllBytes(DEV2.resolve("front_04.jpg"));
        try (TencentIdCardRecognizer worker = new TencentIdCardRecognizer(new TencentSettings(serve.endpoint(), false,
                "ap-guangzhou", new TencentCredentials(SECRET_ID, SECRET_KEY), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(30), 1, 1))) {
            // When
            IdCardOcrResult result = worker.recognize(new IdCardOcrRequest(new ImageSource.Inline(image),
                    CardSide.FRONT, OcrOptions.DEFAULTS)).get(60, TimeUnit.SECONDS);

            // Then (labels.json: front_04.jpg) the completion crossed serve's answer into the worker's result
            assertThat(result.fields().nation()).isEqualTo("仫佬");
            assertThat(result.corrections()).filteredOn(c -> c.field() == FieldName.NATION)
                    .extracting(FieldCorrection::returned, FieldCorrection::reason)
                    .containsExactly(tuple("仫佬", "NATION_FROM_LIST"));
            assertThat(result.corrections()).filteredOn(c -> c.field() == FieldName.NATION)
                    .allSatisfy(c -> assertThat(c.read()).isNotEmpty().isNotEqualTo("仫佬"));
        }
    }

    private static BufferedImage jpeg(String base64) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(base64);
        assertThat(bytes).startsWith(0xff, 0xd8);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
