package io.idcardstream.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElectronicIdTitleTest {

    @ParameterizedTest
    @ValueSource(strings = {"电子身份证", "居民身份证电子证照", "我的电子身份", "居民身份证网上功能凭证", "国家网络身份认证网证",
        "CTID"})
    void shouldTakeALineNamingAnElectronicCardForAnAppScreen(String line) {
        assertThat(ElectronicIdTitle.namesAnElectronicCard(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"中华人民共和国", "居民身份证", "临时居民身份证", "四川省成都市高新区电子科技大学", "公民身份号码",
        "仅限办理业务使用", "签发机关"})
    void shouldNotTakeWhatACardOrItsCopyPrintsForOne(String line) {
        assertThat(ElectronicIdTitle.namesAnElectronicCard(line)).isFalse();
    }
}
