package io.idcardstream.ocr.tencent;

import com.tencentcloudapi.common.AbstractClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRResponse;
import com.tencentcloudapi.ocr.v20181119.models.ReflectDetailInfo;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.AdvancedInfoCorrections;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.ProviderDescription;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * IDCardOCR through the official {@code tencentcloud-sdk-java-ocr}: Tencent Cloud, or any compatible endpoint
 * such as {@code idcard-stream serve}.
 *
 * <p>The SDK call blocks, so it runs on this recogniser's own bounded pool; when the pool and its queue are
 * full a call fails at once with {@code ClientOverloaded} instead of piling up. Every call has a whole-call
 * deadline (OkHttp's call timeout, which the SDK lacks), and OkHttp's silent retry on connection failure is
 * off: an OCR call is paid, so repeating it is the caller's decision.
 *
 * <p>Threading notes: thread-safe. One {@link OcrClient} with static credentials is shared by the pool; it is
 * never mutated after construction (research note 2.5).
 */
public final class TencentIdCardRecognizer implements IdCardRecognizer {
    private final TencentSettings settings;
    private final OcrClient client;
    private final ThreadPoolExecutor executor;
    private final ProviderDescription description;

    public TencentIdCardRecognizer(TencentSettings settings) {
        this.settings = settings;
        HttpProfile http = new HttpProfile();
        http.setEndpoint(settings.endpoint());
        http.setProtocol(settings.https() ? HttpProfile.REQ_HTTPS : HttpProfile.REQ_HTTP);
        http.setHttpClient(new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false)
                .build());
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        this.client = new OcrClient(
                new Credential(settings.credentials().secretId(), settings.credentials().secretKey()),
                settings.region(), profile);
        BlockingQueue<Runnable> queue = settings.queueCapacity() == 0
                ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queueCapacity());
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS, queue,
                runnable -> {
                    Thread thread = new Thread(runnable, "tencent-ocr-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.description = new ProviderDescription("tencent", settings.endpoint(),
                "tencentcloud-sdk-java " + AbstractClient.SDK_VERSION.replace("SDK_JAVA_", ""), null);
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        CompletableFuture<IdCardOcrResult> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return; // timed out while queued: don't pay for a call nobody waits for
                }
                try {
                    future.complete(call(request));
                } catch (OcrException e) {
                    future.completeExceptionally(e);
                } catch (RuntimeException | Error e) {
                    // Never leave the future to the call deadline: that ends as a ClientTimeout, which is retried,
                    // and this call may well have been made and paid for.
                    future.completeExceptionally(new OcrException(ErrorCodes.CLIENT_RESULT_ERROR,
                            "The Tencent adapter failed unexpectedly: " + e.getClass().getName(), null, e));
                    if (e instanceof Error) {
                        throw e;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new OcrException(ErrorCodes.CLIENT_OVERLOADED,
                    "All " + settings.threads() + " Tencent SDK threads and " + settings.queueCapacity()
                            + " queue slots are busy", null));
            return future;
        }
        CompletableFuture.delayedExecutor(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> future.completeExceptionally(new OcrException(ErrorCodes.CLIENT_TIMEOUT,
                        "No answer within " + settings.callTimeout().toMillis() + " ms, queueing included", null)));
        return future;
    }

    private IdCardOcrResult call(IdCardOcrRequest request) throws OcrException {
        IDCardOCRResponse response;
        try {
            response = client.IDCardOCR(toSdkRequest(request));
        } catch (TencentCloudSDKException e) {
            throw SdkFailures.from(e);
        } catch (RuntimeException e) {
            throw SdkFailures.fromUnchecked(e);
        }
        try {
            return toResult(response);
        } catch (RuntimeException e) {
            // A successful answer with a value the API promises but did not send (e.g. a ReflectDetailInfos entry
            // without Position). It is paid for, and asking again would most likely pay for the same answer.
            throw new OcrException(ErrorCodes.CLIENT_RESULT_ERROR, "The successful answer could not be read ("
                    + e.getClass().getSimpleName() + ")", response.getRequestId(), e);
        }
    }

    @SuppressWarnings("deprecation") // EnableDateVerify is deprecated in the SDK but still part of the API.
    static IDCardOCRRequest toSdkRequest(IdCardOcrRequest request) {
        IDCardOCRRequest sdk = new IDCardOCRRequest();
        if (request.image() instanceof ImageSource.Inline inline) {
            sdk.setImageBase64(Base64.getEncoder().encodeToString(inline.bytes()));
        } else {
            sdk.setImageUrl(((ImageSource.Url) request.image()).url());
        }
        if (request.cardSide() != null) {
            sdk.setCardSide(request.cardSide().name());
        }
        OcrOptions options = request.options();
        sdk.setConfig(options.configJson());
        sdk.setEnableRecognitionRectify(options.enableRecognitionRectify());
        sdk.setEnableReflectDetail(options.enableReflectDetail());
        sdk.setEnableDateVerify(options.enableDateVerify());
        sdk.setCardWarnType(options.cardWarnType());
        return sdk;
    }

    static IdCardOcrResult toResult(IDCardOCRResponse response) throws OcrException {
        AdvancedInfo advanced;
        try {
            advanced = AdvancedInfo.parse(response.getAdvancedInfo());
        } catch (IllegalArgumentException e) {
            // Paid for like any successful answer, so terminal too (ClientResultError, not ClientProtocolError).
            throw new OcrException(ErrorCodes.CLIENT_RESULT_ERROR, "Unreadable AdvancedInfo: " + e.getMessage(),
                    response.getRequestId());
        }
        List<String> reflect = response.getReflectDetailInfos() == null ? List.of()
                : Arrays.stream(response.getReflectDetailInfos()).map(ReflectDetailInfo::getPosition).toList();
        CardFields fields = new CardFields(response.getName(), response.getSex(), response.getNation(),
                response.getBirth(), response.getAddress(), response.getIdNum(), response.getAuthority(),
                response.getValidDate());
        // Tencent never sends them; idcard-stream's own server does, so a worker pointed at it reports the engine's.
        List<FieldCorrection> corrections =
                AdvancedInfoCorrections.read(response.getAdvancedInfo(), response.getRequestId());
        return new IdCardOcrResult(fields, advanced, List.of(), corrections, reflect, response.getRequestId());
    }

    @Override
    public ProviderDescription description() {
        return description;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
