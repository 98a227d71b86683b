package io.idcardstream.engine.card;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.geom.Quad;
import io.idcardstream.ocr.CardSide;
import java.util.List;

/**
 * Where things are printed on a second-generation resident ID card, in template units of 0.1 mm on the
 * 85.6 × 54 mm card (GB/T 14916 ID-1 size), origin at the top-left corner of the upright side.
 *
 * <p>Calibrated on the development images (front_02, front_04, front_07, front_10, back_01, both_02) by reading
 * each character's position relative to the card's edges. Specimens differ by up to ~2 mm (the Tencent demo
 * card's labels sit 2 mm further left than a real card's), so the anchors are compromises and the regions below
 * leave margins of that size.
 */
public final class CardTemplate {
    private CardTemplate() {}

    public static final double WIDTH = 856;
    public static final double HEIGHT = 540;

    /** The whole card. */
    public static final Quad CARD = Quad.rectangle(0, 0, WIDTH, HEIGHT);

    /** Whether a point in card coordinates lies on the card, its edge included. */
    public static boolean contains(Point inCard) {
        return inCard.x() >= 0 && inCard.y() >= 0 && inCard.x() <= WIDTH && inCard.y() <= HEIGHT;
    }

    /** The national emblem on the back (its circle's bounding box). */
    public static final Quad EMBLEM = Quad.rectangle(45, 55, 215, 225);

    /** The portrait photo on the front. */
    public static final Quad PORTRAIT = Quad.rectangle(535, 55, 805, 410);

    /** The ID number's first digit centre, digit pitch and row, on the front. */
    static final double ID_FIRST_X = 308;
    static final double ID_PITCH = 24.6;
    public static final double ID_Y = 467;

    /** Everything left of this is the front's label column (姓名, 性别, 出生, 住址, 公民身份号码). */
    public static final double FRONT_VALUE_X = 145;
    /** The back's values (issuing authority, validity) start right of this. */
    public static final double BACK_VALUE_X = 325;

    /**
     * The nation's value starts right of the 民族 label: between the label's last character (centre 314) and the
     * earliest value centre measured (341, on the Tencent demo card).
     */
    public static final double NATION_VALUE_X = 325;
    /** The ID number's row: its digits start right of the 公民身份号码 label. */
    public static final double ID_VALUE_X = 265;

    private static final double TITLE = Double.NEGATIVE_INFINITY;

    static final List<AnchorPhrase> FRONT_ANCHORS = List.of(
            new AnchorPhrase(CardSide.FRONT, "姓名", new double[] {80, 118}, 110, FRONT_VALUE_X, "", 2),
            new AnchorPhrase(CardSide.FRONT, "性别", new double[] {78, 118}, 170, FRONT_VALUE_X, "", 2),
            new AnchorPhrase(CardSide.FRONT, "民族", new double[] {265, 314}, 170, NATION_VALUE_X, "", 2),
            new AnchorPhrase(CardSide.FRONT, "出生", new double[] {80, 120}, 232, FRONT_VALUE_X, "", 2),
            new AnchorPhrase(CardSide.FRONT, "住址", new double[] {78, 120}, 298, FRONT_VALUE_X, "", 2),
            new AnchorPhrase(CardSide.FRONT, "公民身份", new double[] {80, 106, 135, 163}, ID_Y, ID_VALUE_X, "证号码", 4));

    static final List<AnchorPhrase> BACK_ANCHORS = List.of(
            AnchorPhrase.spaced(CardSide.BACK, "中华人民共和国", 316, 67, 90, TITLE, 3),
            AnchorPhrase.spaced(CardSide.BACK, "居民身份证", 294, 113, 189, TITLE, 5),
            new AnchorPhrase(CardSide.BACK, "签发机关", new double[] {218, 248, 278, 304}, 403, BACK_VALUE_X, "", 3),
            new AnchorPhrase(CardSide.BACK, "有效期限", new double[] {217, 248, 276, 304}, 470, BACK_VALUE_X, "", 3));

    static List<AnchorPhrase> anchors(CardSide side) {
        return side == CardSide.FRONT ? FRONT_ANCHORS : BACK_ANCHORS;
    }
}
