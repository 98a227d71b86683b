package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.FontMetrics;
import org.junit.jupiter.api.Test;

class CardRendererTest {

    /** Metrics of a 31 px CJK font: ideographs 31 px wide, digits 17 px; no font file needed. */
    private static final FontMetrics METRICS = new FontMetrics(new Font(Font.DIALOG, Font.PLAIN, 31)) {
        @Override
        public int stringWidth(String s) {
            return s.codePoints().map(cp -> cp < 128 ? 17 : 31).sum();
        }
    };

    @Test
    void shouldWrapTheAddressByPrintedWidthLikeTheCard() {
        // Given an address of 24 ideographs and 4 digits
        String address = "新疆维吾尔自治区乌鲁木齐市天山区解放路1786号楼三单元";

        // When it is wrapped for the card
        // Then lines hold 11 ideographs (341 px of the 352 available), digits taking less room
        assertThat(CardRenderer.wrap(address, METRICS))
                .containsExactly("新疆维吾尔自治区乌鲁木", "齐市天山区解放路1786号", "楼三单元");
    }

    @Test
    void shouldRefuseAnAddressLongerThanThreeLines() {
        // Given 34 ideographs, when wrapped, then the error says it needs four lines
        String address = "一二三四五六七八九十".repeat(3) + "甲乙丙丁";
        assertThatThrownBy(() -> CardRenderer.wrap(address, METRICS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address must fit 3 card lines but needs 4 (34 characters)");
    }
}
