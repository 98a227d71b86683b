package io.idcardstream.engine.fields;

import static io.idcardstream.engine.fields.Readings.alternative;
import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.identity.RegionCodes;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import org.junit.jupiter.api.Test;

/**
 * Place names on the card are real divisions: a name read with characters lost, or misread where the reader was
 * unsure, is put right when exactly one real name explains it. A surely read different name is left alone.
 */
class PlaceNameRepairTest {
    /** Region 140105: 山西省 太原市 小店区; check character valid. */
    private static final String TAIYUAN_ID = "140105196509103877";

    private final PlaceNameRepair repair = new PlaceNameRepair(RegionCodes.bundled());

    @Test
    void shouldRestoreTheAddressStartFromTheIdNumbersRegionWhenCharactersWereLost() {
        // Given an address whose 市 and 小 were lost in reading (a stamp over them)
        ExtractedCard card = Readings.of(front("山西省太原店区工农路40号")).card();
        // When place names are repaired
        ExtractedCard repaired = repair.apply(card);
        // Then the address starts with the region's division names, and the change is reported
        assertThat(repaired.fields().address()).isEqualTo("山西省太原市小店区工农路40号");
        assertThat(repaired.cleanups()).containsExactly(new FieldCorrection(FieldName.ADDRESS,
                "山西省太原店区工农路40号", "山西省太原市小店区工农路40号", PlaceNameRepair.ADDRESS));
    }

    @Test
    void shouldRestoreAnAddressStartWithoutItsProvince() {
        // Given an address that starts at the city, as many do, with 市 lost
        ExtractedCard card = Readings.of(front("太原小店区工农路40号")).card();
        assertThat(repair.apply(card).fields().address()).isEqualTo("太原市小店区工农路40号");
    }

    @Test
    void shouldReplaceAnUnsurelyReadCharacterOfTheAddressStart() {
        // Given 小店区 read 少店区, with 少 read unsurely, and again surely but with 小 among its alternatives
        ExtractedCard unsure = Readings.of(front("山西省太原市少店区工农路40号")).with(FieldName.ADDRESS, 6, 0.6f).card();
        ExtractedCard considered = Readings.of(front("山西省太原市少店区工农路40号"))
                .with(FieldName.ADDRESS, 6, 0.95f, alternative("小", 0.03f)).card();
        // Then both are put right
        assertThat(repair.apply(unsure).fields().address()).isEqualTo("山西省太原市小店区工农路40号");
        assertThat(repair.apply(considered).fields().address()).isEqualTo("山西省太原市小店区工农路40号");
    }

    @Test
    void shouldLeaveASurelyReadOtherDistrictAlone() {
        // Given a number issued in 小店区 and an address in 迎泽区, read surely: the household registered elsewhere
        ExtractedCard moved = Readings.of(front("山西省太原市迎泽区迎泽大街1号")).card();
        // And a surely read 少 with no alternative
        ExtractedCard sure = Readings.of(front("山西省太原市少店区工农路40号")).card();
        // Then both stay as read
        assertThat(repair.apply(moved)).isSameAs(moved);
        assertThat(repair.apply(sure)).isSameAs(sure);
    }

    @Test
    void shouldLeaveAnAddressAloneWithoutAValidNumberOrWithItsStartRight() {
        ExtractedCard invalid = Readings.of(front("山西省太原店区工农路40号").with(FieldName.ID_NUM,
                "140105196509103878")).card();
        ExtractedCard right = Readings.of(front("山西省太原市小店区工农路40号")).card();
        assertThat(repair.apply(invalid)).isSameAs(invalid);
        assertThat(repair.apply(right)).isSameAs(right);
    }

    @Test
    void shouldRestoreTheCityOfAnAuthorityFromTheRealNames() {
        // Given 北京市公安局海淀分局 with 市 lost
        ExtractedCard card = Readings.of(back("北京公安局海淀分局")).card();
        // When repaired
        ExtractedCard repaired = repair.apply(card);
        // Then the city is the one real name it can be, reported
        assertThat(repaired.fields().authority()).isEqualTo("北京市公安局海淀分局");
        assertThat(repaired.cleanups()).containsExactly(new FieldCorrection(FieldName.AUTHORITY, "北京公安局海淀分局",
                "北京市公安局海淀分局", PlaceNameRepair.AUTHORITY));
    }

    @Test
    void shouldRestoreACityAndOneOfItsCountiesBeforeTheBureau() {
        // Given 太原市清徐县公安局 with the city's 市 lost
        ExtractedCard card = Readings.of(back("太原清徐县公安局")).card();
        // Then the city and its county are restored
        assertThat(repair.apply(card).fields().authority()).isEqualTo("太原市清徐县公安局");
    }

    @Test
    void shouldRestoreADistrictWhoseCharacterTheReaderConsidered() {
        // Given 海淀分局 read 海定分局, surely, but with 淀 among 定's alternatives
        ExtractedCard card = Readings.of(back("北京市公安局海定分局"))
                .with(FieldName.AUTHORITY, 7, 0.95f, alternative("淀", 0.03f)).card();
        // Then the district is 海淀
        assertThat(repair.apply(card).fields().authority()).isEqualTo("北京市公安局海淀分局");
    }

    @Test
    void shouldLeaveADistrictThatSeveralNamesExplainEquallyAlone() {
        // Given 海定 with 定 read unsurely: 海淀, 海港, 海城, 海州, … all differ from it in that character
        ExtractedCard card = Readings.of(back("北京市公安局海定分局")).with(FieldName.AUTHORITY, 7, 0.6f).card();
        // And a city of which one character was lost that three names explain (朝阳区, 朝阳市, 朝阳县)
        ExtractedCard city = Readings.of(back("朝阳公安局")).card();
        // Then both stay as read
        assertThat(repair.apply(card)).isSameAs(card);
        assertThat(repair.apply(city)).isSameAs(city);
    }

    @Test
    void shouldAcceptRealPlacesAsReadWithOrWithoutTheDistrictsSuffix() {
        // Given authorities naming real places: a district with and without its 区, a city and its county
        ExtractedCard without = Readings.of(back("南京市公安局玄武分局")).card();
        ExtractedCard with = Readings.of(back("南京市公安局玄武区分局")).card();
        ExtractedCard county = Readings.of(back("太原市清徐县公安局")).card();
        // Then they stay as read
        assertThat(repair.apply(without)).isSameAs(without);
        assertThat(repair.apply(with)).isSameAs(with);
        assertThat(repair.apply(county)).isSameAs(county);
    }

    @Test
    void shouldMakeTheBureauWordWholeWhenAStampTookOneOfItsCharactersAndThePlacesAreReal() {
        // Given 郑州市公安局金水分局 with 公 lost, and 南京市公安局 with 安 lost
        ExtractedCard lostFirst = Readings.of(back("郑州市安局金水分局")).card();
        ExtractedCard lostMiddle = Readings.of(back("南京市公局")).card();
        // Then the bureau word is whole, reported
        ExtractedCard repaired = repair.apply(lostFirst);
        assertThat(repaired.fields().authority()).isEqualTo("郑州市公安局金水分局");
        assertThat(repaired.cleanups()).containsExactly(new FieldCorrection(FieldName.AUTHORITY, "郑州市安局金水分局",
                "郑州市公安局金水分局", PlaceNameRepair.AUTHORITY));
        assertThat(repair.apply(lostMiddle).fields().authority()).isEqualTo("南京市公安局");
    }

    @Test
    void shouldMakeTheBureauWordWholeWhenAStampTookTwoOfItsCharactersBetweenRealPlaces() {
        // Given 深圳市公安局南山分局 with 公 and 局 under a stamp, and with 局 alone lost before the district
        assertThat(repair.apply(Readings.of(back("深圳市安南山分局")).card()).fields().authority())
                .isEqualTo("深圳市公安局南山分局");
        assertThat(repair.apply(Readings.of(back("深圳市公安南山分局")).card()).fields().authority())
                .isEqualTo("深圳市公安局南山分局");
    }

    @Test
    void shouldMakeTheBureauWordWholeWhenOneOfItsCharactersWasMisreadBetweenRealPlaces() {
        assertThat(repair.apply(Readings.of(back("深圳市公要局福田分局")).card()).fields().authority())
                .isEqualTo("深圳市公安局福田分局");
        ExtractedCard noPlace = Readings.of(back("复印公要局")).card();
        assertThat(repair.apply(noPlace)).isSameAs(noPlace);
    }

    @Test
    void shouldLeaveABureauWordWithACharacterLostAloneWhenThePlaceIsNoRealName() {
        ExtractedCard noPlace = Readings.of(back("复印安局")).card();
        ExtractedCard twice = Readings.of(back("郑州市安局安局")).card();
        assertThat(repair.apply(noPlace)).isSameAs(noPlace);
        assertThat(repair.apply(twice)).isSameAs(twice);
    }

    @Test
    void shouldLeaveAuthoritiesThatAreNoBureauOfAPlaceAlone() {
        ExtractedCard station = Readings.of(back("北京市海淀区派出所")).card();
        ExtractedCard trailing = Readings.of(back("北京公安局海淀")).card();
        assertThat(repair.apply(station)).isSameAs(station);
        assertThat(repair.apply(trailing)).isSameAs(trailing);
    }

    private static CardFields front(String address) {
        return CardFields.front("周晨勇", "男", "汉", "1965/9/10", address, TAIYUAN_ID);
    }

    private static CardFields back(String authority) {
        return CardFields.back(authority, "2024.03.22-长期");
    }
}
