package io.idcardstream.server;

import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.IdCardOcrResult;

/** The seed's two sample answers (reference/IDCardOCR-api.md, "Output Sample" of the FRONT and BACK examples). */
public final class SeedSamples {
    private SeedSamples() {}

    public static final CardFields FRONT_FIELDS = CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014");

    public static final CardFields BACK_FIELDS = CardFields.back("赵县公安局", "2010.07.21-2020.07.21");

    public static final IdCardOcrResult FRONT = IdCardOcrResult.of(FRONT_FIELDS, AdvancedInfo.EMPTY, null);

    public static final IdCardOcrResult BACK = IdCardOcrResult.of(BACK_FIELDS, AdvancedInfo.EMPTY, null);
}
