package io.idcardstream.bench;

import io.idcardstream.bench.FaultTally.ProviderCall;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.ProviderDescription;
import io.idcardstream.server.ApiKeys;
import io.idcardstream.server.IdCardOcrServer;
import io.idcardstream.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The OCR provider of the fault suite: idcard-stream's own TC3 server ({@code serve}'s {@link IdCardOcrServer},
 * which verifies the SDK's signatures and enforces the quota) in front of a recogniser whose latency the suite
 * scripts. It can be taken down (its port then refuses connections), made slow (answers later than the
 * worker's read timeout), and brought back on the same port. Every call that reaches the recogniser is
 * recorded with the request id it carried (the inline image bytes are the request id), and counted as paid
 * when it ends in a recognition, whether or not the worker was still waiting for it: that is what Tencent
 * would bill.
 */
final class FaultyProvider implements IdCardRecognizer, AutoCloseable {
    static final String SECRET_ID = "AKIDreliability000001";
    static final String SECRET_KEY = "reliability-secret-key";
    private static final IdCardOcrResult FRONT = IdCardOcrResult.of(CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014"), AdvancedInfo.EMPTY, null);

    private final ServerSettings settings;
    private final int minMillis;
    private final int maxMillis;
    private final SplittableRandom random = new SplittableRandom(20261125L);
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final List<ProviderCall> calls = new ArrayList<>();
    private volatile int slowMillis;
    private IdCardOcrServer server;
    private int port;

    /** Latency of a normal answer is uniform in [minMillis, maxMillis]; the server enforces {@code quotaRps}. */
    FaultyProvider(int minMillis, int maxMillis, int quotaRps) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.settings = ServerSettings.defaults().withRateLimitRps(quotaRps).withWorkers(16).withQueueCapacity(512);
    }

    /** Starts (or restarts) the server; a restart binds the port of the first start again. */
    synchronized FaultyProvider up() throws IOException {
        if (server == null) {
            server = IdCardOcrServer.start(settings.withPort(port), this, ApiKeys.of(SECRET_ID, SECRET_KEY), url -> {
                throw new IllegalStateException("the fault suite sends inline images only");
            });
            port = server.port();
        }
        return this;
    }

    /** Stops the server: new connections to its port are refused until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** From now on every call answers after {@code millis} (0 = normal latency again). */
    void slow(int millis) {
        slowMillis = millis;
    }

    String endpoint() {
        return "127.0.0.1:" + port;
    }

    /** The calls served since the last drain, and forget them. */
    synchronized List<ProviderCall> drainCalls() {
        List<ProviderCall> copy = List.copyOf(calls);
        calls.clear();
        return copy;
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        long startedAt = System.currentTimeMillis();
        String requestId = request.image() instanceof ImageSource.Inline inline
                ? new String(inline.bytes(), StandardCharsets.UTF_8) : "url";
        int latency = slowMillis;
        if (latency == 0) {
            synchronized (random) {
                latency = minMillis + random.nextInt(maxMillis - minMillis + 1);
            }
        }
        CompletableFuture<IdCardOcrResult> answer = new CompletableFuture<>();
        timer.schedule(() -> {
            synchronized (this) {
                calls.add(new ProviderCall(requestId, startedAt, System.currentTimeMillis(), true));
            }
            answer.complete(FRONT);
        }, latency, TimeUnit.MILLISECONDS);
        return answer;
    }

    @Override
    public ProviderDescription description() {
        return new ProviderDescription("fault-suite", null, minMillis + "-" + maxMillis + " ms", null);
    }

    @Override
    public void close() {
        down();
        timer.shutdownNow();
    }
}
