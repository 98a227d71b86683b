package io.idcardstream.engine.synthetic;

/**
 * Where things are printed, in pixels of an 856 x 540 card (85.6 x 54 mm at 10 px/mm). Measured on the official-style
 * specimen front (dev set front_04) and the back scans (back_01, both_02) as fractions of the card and scaled.
 */
final class CardLayout {

    static final int WIDTH = 856;
    static final int HEIGHT = 540;
    static final int CORNER_RADIUS = 30;

    // Front: labels in blue, values in black; row centres from top.
    static final int LABEL_X = 74;
    static final int VALUE_X = 180;
    static final float LABEL_SIZE = 24f;
    static final float VALUE_SIZE = 31f;
    /** Two-character labels (姓名, 性别 …) are spaced out across about three character widths. */
    static final int SPACED_LABEL_ADVANCE = 51;
    static final int NAME_Y = 94;
    static final int SEX_Y = 165;
    static final int NATION_LABEL_X = 260;
    static final int NATION_VALUE_X = 344;
    static final int BIRTH_Y = 232;
    static final int YEAR_MARK_X = 274;
    static final int MONTH_CENTER_X = 322;
    static final int MONTH_MARK_X = 350;
    static final int DAY_CENTER_X = 399;
    static final int DAY_MARK_X = 428;
    static final int ADDRESS_Y = 300;
    static final int ADDRESS_LINE_STEP = 41;
    static final int ADDRESS_MAX_WIDTH = 352;
    static final int ADDRESS_MAX_LINES = 3;
    static final int ID_Y = 459;
    static final int ID_LABEL_ADVANCE = 32;
    static final int ID_NUMBER_X = 303;
    static final float ID_NUMBER_SIZE = 37f;
    /** The number is printed with wide, even spacing: 18 digits span about half the card. */
    static final int ID_NUMBER_ADVANCE = 25;
    static final int PORTRAIT_X = 546;
    static final int PORTRAIT_Y = 66;
    static final int PORTRAIT_WIDTH = 252;
    static final int PORTRAIT_HEIGHT = 320;

    // Back.
    static final int EMBLEM_CENTER_X = 128;
    static final int EMBLEM_CENTER_Y = 140;
    static final int EMBLEM_RADIUS = 80;
    static final int COUNTRY_X = 294;
    static final int COUNTRY_Y = 92;
    static final float COUNTRY_SIZE = 50f;
    static final int COUNTRY_ADVANCE = 67;
    static final int TITLE_X = 262;
    static final int TITLE_Y = 189;
    static final float TITLE_SIZE = 80f;
    static final int TITLE_ADVANCE = 109;
    /** The temporary card's title 临时居民身份证: seven characters on the line that holds five. */
    static final float TEMPORARY_TITLE_SIZE = 66f;
    static final int TEMPORARY_TITLE_ADVANCE = 78;
    static final int BACK_LABEL_X = 200;
    static final int BACK_LABEL_ADVANCE = 29;
    static final int BACK_VALUE_X = 360;
    static final float BACK_VALUE_SIZE = 30f;
    static final int AUTHORITY_Y = 405;
    static final int VALIDITY_Y = 470;

    private CardLayout() {
    }
}
