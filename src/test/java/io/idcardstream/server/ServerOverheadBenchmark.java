package io.idcardstream.server;

import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The server's own latency (protocol, TC3 verification, JSON, Base64, HTTP on loopback): the same fixed
 * recogniser timed when called directly (the baseline) and through the official SDK → {@link IdCardOcrServer},
 * sequentially, in the same JVM run. Prints a Markdown table for BENCHMARKS.md. Run with
 * {@code bench/server-overhead.sh [calls] [warm-up calls]}.
 */
public final class ServerOverheadBenchmark {
    private static final String SECRET_ID = "AKIDbenchmark";
    private static final String SECRET_KEY = "benchmarkSecretKey";

    private ServerOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path imagePath = Path.of("../shared/datasets/idcards-dev/front_07.jpg");
        byte[] image = Files.readAllBytes(imagePath);
        String base64 = Base64.getEncoder().encodeToString(image);

        System.out.printf(Locale.ROOT, "image %s: %d bytes, %d Base64 characters; %d calls after %d warm-up calls%n%n",
                imagePath.getFileName(), image.length, base64.length(), calls, warmUp);
        System.out.println("| recogniser's own time | path | p50 ms | p95 ms | p99 ms | p50 overhead ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (Duration ownTime : new Duration[] {Duration.ZERO, Duration.ofMillis(20)}) {
            int n = ownTime.isZero() ? calls : Math.max(100, calls / 4);
            ScriptedRecognizer recognizer = ownTime.isZero()
                    ? ScriptedRecognizer.returning(SeedSamples.FRONT)
                    : ScriptedRecognizer.returningAfter(SeedSamples.FRONT, ownTime);
            double[] direct = timeDirect(recognizer, image, n, warmUp);
            double[] viaServer = timeThroughServer(recognizer, base64, n, warmUp);
            String label = ownTime.toMillis() + " ms";
            print(label, "recogniser called directly (baseline)", direct, Double.NaN);
            print(label, "official SDK → server → recogniser", viaServer, percentile(viaServer, 50) - percentile(direct, 50));
        }
    }

    private static double[] timeDirect(ScriptedRecognizer recognizer, byte[] image, int calls, int warmUp) {
        IdCardOcrRequest request = new IdCardOcrRequest(new ImageSource.Inline(image), CardSide.FRONT,
                OcrOptions.DEFAULTS);
        double[] millis = new double[calls];
        for (int i = -warmUp; i < calls; i++) {
            long start = System.nanoTime();
            recognizer.recognize(request).join();
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    private static double[] timeThroughServer(ScriptedRecognizer recognizer, String base64, int calls, int warmUp)
            throws Exception {
        // The API's limit would throttle a benchmark; everything else is as configured by default.
        try (IdCardOcrServer server = IdCardOcrServer.start(ServerSettings.defaults().withRateLimitRps(0), recognizer,
                ApiKeys.of(SECRET_ID, SECRET_KEY), new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS))) {
            OcrClient client = SdkClients.client(server, SECRET_ID, SECRET_KEY);
            double[] millis = new double[calls];
            for (int i = -warmUp; i < calls; i++) {
                IDCardOCRRequest request = new IDCardOCRRequest();
                request.setImageBase64(base64);
                request.setCardSide("FRONT");
                long start = System.nanoTime();
                String idNum = client.IDCardOCR(request).getIdNum();
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                if (!idNum.equals("440524198701010014")) {
                    throw new IllegalStateException("unexpected answer");
                }
            }
            return millis;
        }
    }

    private static void print(String ownTime, String path, double[] millis, double overhead) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %s |%n", ownTime, path, percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99),
                Double.isNaN(overhead) ? "" : String.format(Locale.ROOT, "%.2f", overhead));
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
