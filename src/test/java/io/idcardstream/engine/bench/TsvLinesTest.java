package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.text.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvLinesTest {

    private static final String TSV = String.join("\n",
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0\t0\t856\t540\t-1\t",
            "2\t1\t1\t0\t0\t0\t74\t80\t200\t30\t-1\t",
            "4\t1\t1\t1\t1\t0\t74\t80\t200\t30\t-1\t",
            "5\t1\t1\t1\t1\t1\t74\t82\t24\t26\t90\t出",
            "5\t1\t1\t1\t1\t2\t125\t82\t24\t26\t91\t生",
            "5\t1\t1\t1\t1\t3\t180\t80\t60\t30\t96\t1965",
            "5\t1\t1\t1\t1\t4\t250\t81\t40\t28\t-1\t ",
            "5\t1\t1\t1\t1\t5\t244\t80\t31\t30\t93\t年",
            "5\t1\t1\t1\t1\t6\t278\t80\t14\t30\t80\t9",
            "5\t1\t1\t1\t1\t7\t294\t80\t14\t30\t78\t9",
            "4\t1\t1\t1\t2\t0\t303\t445\t445\t30\t-1\t",
            "5\t1\t1\t1\t2\t1\t303\t445\t445\t30\t88\t140105196509103877",
            "");

    @Test
    void shouldJoinTheWordsOfEachTesseractLineIntoOneBoxedTextLine() {
        // Given Tesseract TSV with two lines, one of them holding an empty word and words close together
        // When it is parsed
        List<TextLine> lines = TsvLines.parse(TSV);

        // Then each line joins its words (a space at wide gaps and between digits), boxes their union and averages
        // their confidence
        assertThat(lines).containsExactly(
                new TextLine("出 生 1965年9 9", 0.88f, new double[] {74, 80, 308, 80, 308, 110, 74, 110}),
                new TextLine("140105196509103877", 0.88f, new double[] {303, 445, 748, 445, 748, 475, 303, 475}));
    }

    @Test
    void shouldGiveNoLinesForAnImageWithoutText() {
        // Given TSV with only the page row, when parsed, then there are no lines
        assertThat(TsvLines.parse(TSV.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow())).isEmpty();
    }
}
