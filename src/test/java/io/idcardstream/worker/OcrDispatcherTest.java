package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.ProviderDescription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher with a recogniser that answers only when the test says so (a test double of one class: the ITs and
 * bench/throughput.sh run it against the real SDK and server). No quota, so calls go as the in-flight bounds allow.
 */
class OcrDispatcherTest {
    private final HeldRecognizer recognizer = new HeldRecognizer();
    private OcrDispatcher dispatcher;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private void startDispatcher(int maxInFlight, int maxInFlightPerPartition) {
        dispatcher = new OcrDispatcher(recognizer, new DispatchSettings(0, 12, 0.02, maxInFlight,
                maxInFlightPerPartition, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(1)),
                System::nanoTime, new WorkerMetrics(new SimpleMeterRegistry())).start();
    }

    @Test
    void shouldTakeTurnsBetweenLanesWithWork() throws Exception {
        // Given one call in flight at a time, and two partitions with three calls each queued before any starts
        startDispatcher(1, 1);
        DispatchLane a = dispatcher.register(0), b = dispatcher.register(1);
        for (int i = 0; i < 3; i++) {
            dispatcher.submit(a, call("a" + i));
            dispatcher.submit(b, call("b" + i));
        }
        // When each call is answered as soon as it starts
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(recognizer.awaitStarted(i));
            recognizer.answer(i);
        }
        // Then the partitions took turns, each in its own order
        assertThat(order).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    }

    @Test
    void shouldKeepAPartitionWithinItsInFlightLimitWhileAnotherCallsToo() throws Exception {
        // Given at most two calls in flight per partition, and a busy partition beside a quiet one
        startDispatcher(16, 2);
        DispatchLane busy = dispatcher.register(0), quiet = dispatcher.register(1);
        for (int i = 0; i < 5; i++) {
            dispatcher.submit(busy, call("busy" + i));
        }
        dispatcher.submit(quiet, call("quiet"));
        // When nothing is answered
        recognizer.awaitStarted(2);
        TimeUnit.MILLISECONDS.sleep(200);
        // Then the busy partition has two calls under way and the quiet one its call; the rest wait
        assertThat(recognizer.started()).containsExactlyInAnyOrder("busy0", "busy1", "quiet");
        assertThat(busy.readyCount(false)).isEqualTo(3);
        // And an answer frees a place for the busy partition's next call
        recognizer.answer(recognizer.started().indexOf("busy0"));
        assertThat(recognizer.awaitStarted(3)).isEqualTo("busy2");
    }

    @Test
    void shouldServeLiveCallsBeforeReplaysYetGiveReplaysOneCallInTen() throws Exception {
        // Given one call at a time, and a replay of 30 requests queued before 20 live ones, all before the start
        dispatcher = new OcrDispatcher(recognizer, new DispatchSettings(0, 12, 0.02, 1, 1, Duration.ofSeconds(30),
                Duration.ofMillis(200), Duration.ofSeconds(1)), System::nanoTime,
                new WorkerMetrics(new SimpleMeterRegistry()));
        DispatchLane replayLane = dispatcher.register(0), liveLane = dispatcher.register(1);
        for (int i = 0; i < 30; i++) {
            dispatcher.submit(replayLane, call("replay" + i, true));
        }
        for (int i = 0; i < 20; i++) {
            dispatcher.submit(liveLane, call("live" + i));
        }
        // When the dispatcher starts and every call is answered as soon as it starts
        dispatcher.start();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            order.add(recognizer.awaitStarted(i));
            recognizer.answer(i);
        }
        // Then live calls went first, but every tenth call was a replay, in the replay's own order
        List<Integer> replayTurns = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith("replay")) {
                replayTurns.add(i);
            }
        }
        assertThat(replayTurns.subList(0, 2)).containsExactly(9, 19);
        assertThat(order.subList(0, 22).stream().filter(n -> n.startsWith("live")).toList())
                .containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "live" + i)
                        .toArray(String[]::new));
        // And once live traffic is served, the replay has the calls to itself
        assertThat(order.subList(22, 30)).allMatch(n -> n.startsWith("replay"));
        assertThat(order.stream().filter(n -> n.startsWith("replay")).toList())
                .isSortedAccordingTo(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(6))));
    }

    @Test
    void shouldPauseEveryCallAfterAnAccountWideErrorAndDoubleThePauseWhileItPersists() throws Exception {
        // Given a pause of 200 ms at first, and calls that fail with an invalid key (every call would)
        startDispatcher(4, 4);
        DispatchLane lane = dispatcher.register(0);
        dispatcher.submit(lane, call("first"));
        recognizer.awaitStarted(0);
        // When the first fails
        long failed = System.nanoTime();
        recognizer.fail(0, new OcrException(ErrorCodes.SECRET_ID_NOT_FOUND, "no such key", null));
        awaitCompletion(lane);
        // Then the dispatcher is paused, and the next call starts only when the pause is over
        assertThat(dispatcher.paused()).isTrue();
        dispatcher.submit(lane, call("probe"));
        recognizer.awaitStarted(1);
        assertThat(System.nanoTime() - failed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        // And when the probe fails too, the next pause is twice as long
        failed = System.nanoTime();
        recognizer.fail(1, new OcrException(ErrorCodes.SECRET_ID_NOT_FOUND, "no such key", null));
        awaitCompletion(lane);
        dispatcher.submit(lane, call("second probe"));
        recognizer.awaitStarted(2);
        assertThat(System.nanoTime() - failed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
    }

    private static void awaitCompletion(DispatchLane lane) throws InterruptedException {
        assertThat(lane.awaitCompletion(TimeUnit.SECONDS.toNanos(5))).isTrue();
        assertThat(lane.pollCompletion()).isNotNull();
    }

    private static DispatchLane.Call call(String name) {
        return call(name, false);
    }

    private static DispatchLane.Call call(String name, boolean replay) {
        return new DispatchLane.Call(0, new IdCardOcrRequest(new ImageSource.Url("https://example.test/" + name),
                CardSide.FRONT, OcrOptions.DEFAULTS), System.nanoTime(), replay);
    }

    /** Records each call as it starts (by the image's name) and answers it when the test says so. */
    private static final class HeldRecognizer implements IdCardRecognizer {
        private final List<String> started = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<IdCardOcrResult>> answers = new CopyOnWriteArrayList<>();

        @Override
        public synchronized CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
            String url = ((ImageSource.Url) request.image()).url();
            CompletableFuture<IdCardOcrResult> answer = new CompletableFuture<>();
            answers.add(answer);
            started.add(url.substring(url.lastIndexOf('/') + 1));
            notifyAll();
            return answer;
        }

        synchronized String awaitStarted(int index) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (started.size() <= index) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("call %d did not start", index).isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return started.get(index);
        }

        List<String> started() {
            return List.copyOf(started);
        }

        void answer(int index) {
            answers.get(index).complete(IdCardOcrResult.of(CardFields.EMPTY, null, "p-" + index));
        }

        void fail(int index, OcrException error) {
            answers.get(index).completeExceptionally(error);
        }

        @Override
        public ProviderDescription description() {
            return new ProviderDescription("held", null, null, null);
        }

        @Override
        public void close() {}
    }
}
