package io.idcardstream.bench;

import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ProviderDescription;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A recogniser standing in for Tencent's OCR service in the throughput benchmark: every call answers a fixed
 * front after a latency drawn uniformly from [min, max] ms (seeded), and the drawn latencies are recorded so
 * the benchmark can compare end-to-end latency with the OCR latency itself.
 */
final class LatencyRecognizer implements IdCardRecognizer {
    private static final IdCardOcrResult FRONT = IdCardOcrResult.of(CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014"), AdvancedInfo.EMPTY, null);

    private final int minMillis;
    private final int maxMillis;
    private final SplittableRandom random;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final List<Integer> latencies = new CopyOnWriteArrayList<>();
    /** Wall-clock milliseconds at which each call reached the recogniser (behind the server's quota gate). */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    LatencyRecognizer(int minMillis, int maxMillis, long seed) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        int latency;
        synchronized (random) {
            latency = minMillis + random.nextInt(maxMillis - minMillis + 1);
        }
        latencies.add(latency);
        arrivals.add(System.currentTimeMillis());
        CompletableFuture<IdCardOcrResult> answer = new CompletableFuture<>();
        timer.schedule(() -> answer.complete(FRONT), latency, TimeUnit.MILLISECONDS);
        return answer;
    }

    /** Latencies drawn since the last call, and forget them. */
    List<Integer> drainLatencies() {
        List<Integer> copy = List.copyOf(latencies);
        latencies.clear();
        return copy;
    }

    /**
     * The most calls that reached the recogniser in one wall-clock second since the last call, and forget them. With
     * no {@code RequestLimitExceeded} every call the workers made reached it, so this is the provider's own count.
     */
    int drainMaxCallsInASecond() {
        java.util.Map<Long, Integer> perSecond = new java.util.HashMap<>();
        arrivals.forEach(ms -> perSecond.merge(ms / 1000, 1, Integer::sum));
        arrivals.clear();
        return perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    @Override
    public ProviderDescription description() {
        return new ProviderDescription("latency-injected", null, minMillis + "-" + maxMillis + " ms", null);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
