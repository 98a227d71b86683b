package io.idcardstream.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a card prints after 民族: a closed list, so a value outside it was misread. */
class NationNamesTest {

    @Test
    void shouldListThe56GroupsTheirFormerNamesAndTheEntriesForEveryoneElseOnce() {
        // Given the list: the 56 groups of GB/T 3304, three names printed before a renaming, three entries for
        // people outside the 56
        List<String> all = NationNames.ALL;
        // Then it holds 62 names, none twice, the renamed groups under both names
        assertThat(all).hasSize(56 + 3 + 3).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).containsAll(List.of("崩龙", "德昂", "毛难", "毛南", "僮", "壮", "穿青人", "其他",
                "外国血统"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"汉", "仫佬", "柯尔克孜", "乌孜别克", "达斡尔", "独龙", "崩龙"})
    void shouldKnowNamesAsCardsPrintThem(String printed) {
        assertThat(NationNames.isKnown(printed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"汉族", "佬", "达翰尔", "潮龙", "", "汉 "})
    void shouldNotKnowMisreadingsOrNamesWithTheWordForNation(String printed) {
        // Given what a reader makes of a nation (族 is the label's, not the value's; 仫 lost; a character misread)
        assertThat(NationNames.isKnown(printed)).isFalse();
    }
}
