package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.ImageUrl;
import io.idcardstream.events.InlineImage;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Turns a request event into an IDCardOCR call, refusing what the API would refuse before paying for a call:
 * a blank request id, an inline image that is empty or over the cap, a URL that is not http(s), and enum
 * symbols this version does not know (a reader maps them to UNKNOWN).
 */
final class RequestTranslator {
    private final int inlineImageMaxBytes;

    RequestTranslator(int inlineImageMaxBytes) {
        this.inlineImageMaxBytes = inlineImageMaxBytes;
    }

    IdCardOcrRequest translate(IdCardOcrRequested event) throws OcrException {
        if (event.getRequestId().isBlank()) {
            // Not MissingParameter: from an endpoint that code means the SDK and the endpoint disagree (a pause);
            // a blank id is this event's fault only.
            throw new OcrException(ErrorCodes.INVALID_PARAMETER_VALUE, "requestId must not be blank", null);
        }
        return new IdCardOcrRequest(image(event.getImage()), side(event.getCardSide()), options(event));
    }

    private ImageSource image(Object image) throws OcrException {
        if (image instanceof ImageUrl url) {
            return new ImageSource.Url(checkedUrl(url.getUrl()));
        }
        ByteBuffer data = ((InlineImage) image).getData().duplicate();
        if (data.remaining() == 0) {
            throw new OcrException(ErrorCodes.EMPTY_IMAGE, "The inline image is empty", null);
        }
        if (data.remaining() > inlineImageMaxBytes) {
            throw new OcrException(ErrorCodes.IMAGE_SIZE_TOO_LARGE, "The inline image has " + data.remaining()
                    + " bytes; image.inline.max.bytes is " + inlineImageMaxBytes
                    + ". Send large images by URL.", null);
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new ImageSource.Inline(bytes);
    }

    /**
     * Refuses what the image fetcher would refuse without a connection: the same code as {@code serve} and the
     * local engine give ({@code FailedOperation.DownLoadError}), marked permanent, as no retry can change it.
     */
    private static String checkedUrl(String url) throws OcrException {
        String scheme;
        try {
            scheme = new URI(url.trim()).getScheme();
        } catch (URISyntaxException e) {
            throw new OcrException(ErrorCodes.DOWNLOAD_ERROR, "ImageUrl is not a valid URL", null).permanent();
        }
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https")) {
            throw new OcrException(ErrorCodes.DOWNLOAD_ERROR, "Only http and https URLs are fetched, not '"
                    + (lower.isEmpty() ? "(none)" : lower) + "'", null).permanent();
        }
        return url.trim();
    }

    private static CardSide side(io.idcardstream.events.CardSide side) throws OcrException {
        if (side == null) {
            return null;
        }
        return switch (side) {
            case FRONT -> CardSide.FRONT;
            case BACK -> CardSide.BACK;
            case UNKNOWN -> throw new OcrException(ErrorCodes.INVALID_PARAMETER_VALUE_LIMIT,
                    "cardSide has a value this worker does not know; use FRONT, BACK or null", null);
        };
    }

    private static OcrOptions options(IdCardOcrRequested event) throws OcrException {
        io.idcardstream.events.OcrOptions o = event.getOptions();
        if (o == null) {
            return OcrOptions.DEFAULTS;
        }
        String cardWarnType = null;
        if (o.getCardWarnType() != null) {
            cardWarnType = switch (o.getCardWarnType()) {
                case BASIC -> "Basic";
                case ADVANCED -> "Advanced";
                case UNKNOWN -> throw new OcrException(ErrorCodes.INVALID_PARAMETER_VALUE_LIMIT,
                        "options.cardWarnType has a value this worker does not know; use BASIC or ADVANCED", null);
            };
        }
        return new OcrOptions(o.getCropIdCard(), o.getCropPortrait(), o.getCopyWarn(), o.getBorderCheckWarn(),
                o.getReshootWarn(), o.getDetectPsWarn(), o.getTempIdWarn(), o.getInvalidDateWarn(), o.getQuality(),
                o.getMultiCardDetect(), o.getReflectWarn(), o.getEnableRecognitionRectify(),
                o.getEnableReflectDetail(), o.getEnableDateVerify(), cardWarnType);
    }
}
